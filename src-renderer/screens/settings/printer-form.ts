// The printer form's fields and their conversion to the printer profiles kept in settings: one list, saved whole.
import type { PrinterConnection, PrinterProfile } from '../../../src-shared/contracts/printing';

export type ConnectionKind = PrinterConnection['kind'];
export const CONNECTION_KINDS: readonly ConnectionKind[] = ['network', 'usb', 'serial', 'os'];

/** What the person types, kept as text (a half-typed port is not lost); converted only on save. */
export interface PrinterFormState {
  name: string;
  kind: ConnectionKind;
  host: string;
  port: string;
  /** The USB or serial device path, or the OS queue's name. */
  path: string;
  width: 58 | 80;
  codePage: PrinterProfile['codePage'];
  cut: boolean;
  drawerKick: boolean;
  isDefault: boolean;
}

export const DEFAULT_PORT = 9100;

export function emptyPrinterForm(isFirst: boolean): PrinterFormState {
  return {
    name: '',
    kind: 'network',
    host: '',
    port: String(DEFAULT_PORT),
    path: '',
    width: 80,
    codePage: 'PC437_USA',
    cut: true,
    drawerKick: false,
    isDefault: isFirst,
  };
}

export function formOfPrinter(printer: PrinterProfile): PrinterFormState {
  const { connection } = printer;
  return {
    name: printer.name,
    kind: connection.kind,
    host: connection.kind === 'network' ? connection.host : '',
    port: String(connection.kind === 'network' ? connection.port : DEFAULT_PORT),
    path:
      connection.kind === 'usb' || connection.kind === 'serial'
        ? connection.path
        : connection.kind === 'os'
          ? connection.queueName
          : '',
    width: printer.width,
    codePage: printer.codePage,
    cut: printer.cut,
    drawerKick: printer.drawerKick,
    isDefault: printer.isDefault,
  };
}

function connectionOf(form: PrinterFormState): PrinterConnection {
  switch (form.kind) {
    case 'network':
      return { kind: 'network', host: form.host.trim(), port: Number(form.port.trim()) };
    case 'usb':
    case 'serial':
      return { kind: form.kind, path: form.path.trim() };
    case 'os':
      return { kind: 'os', queueName: form.path.trim() };
  }
}

/** What is wrong before anything is sent, as i18n keys by field: the ledger checks the rest and names its field. */
export function printerFormProblems(form: PrinterFormState): Partial<Record<keyof PrinterFormState, string>> {
  const problems: Partial<Record<keyof PrinterFormState, string>> = {};
  if (!form.name.trim()) problems.name = 'printers.needName';
  if (form.kind === 'network' && !form.host.trim()) problems.host = 'printers.needHost';
  const port = Number(form.port.trim());
  if (form.kind === 'network' && !(/^\d+$/.test(form.port.trim()) && port >= 1 && port <= 65_535))
    problems.port = 'printers.badPort';
  if (form.kind !== 'network' && !form.path.trim())
    problems.path = form.kind === 'os' ? 'printers.needQueue' : 'printers.needPath';
  return problems;
}

/** "Counter 2 (front)" → "counter-2-front"; unique among the ids already taken. */
export function printerIdFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34) || 'printer';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The whole list after adding (editingId null) or changing one printer. A printer made the default takes it from
 * the others; the list always has a default while it has any printer, so bills never go unprinted by accident.
 */
export function printersWith(
  list: readonly PrinterProfile[],
  editingId: string | null,
  form: PrinterFormState,
): PrinterProfile[] {
  const others = list.filter((printer) => printer.id !== editingId);
  const id =
    editingId ??
    printerIdFor(
      form.name,
      others.map((printer) => printer.id),
    );
  const profile: PrinterProfile = {
    id,
    name: form.name.trim(),
    connection: connectionOf(form),
    width: form.width,
    codePage: form.codePage,
    cut: form.cut,
    drawerKick: form.drawerKick,
    isDefault: form.isDefault,
  };
  const next = editingId ? list.map((printer) => (printer.id === editingId ? profile : printer)) : [...list, profile];
  const withDefault = profile.isDefault ? next.map((printer) => ({ ...printer, isDefault: printer.id === id })) : next;
  return ensureDefault(withDefault);
}

export function printersWithout(list: readonly PrinterProfile[], id: string): PrinterProfile[] {
  return ensureDefault(list.filter((printer) => printer.id !== id));
}

function ensureDefault(list: PrinterProfile[]): PrinterProfile[] {
  if (list.length === 0 || list.some((printer) => printer.isDefault)) return list;
  return list.map((printer, index) => ({ ...printer, isDefault: index === 0 }));
}

/** A server detail's path ("0.connection.port") → the form field it belongs to. */
export function fieldOfPrinterPath(path: string | undefined): keyof PrinterFormState | null {
  const leaf = path?.split('.').slice(-1)[0];
  if (leaf === 'queueName') return 'path';
  return leaf && ['name', 'host', 'port', 'path', 'width', 'codePage'].includes(leaf)
    ? (leaf as keyof PrinterFormState)
    : null;
}

/** How a connection reads in the list: "Network 192.168.1.50:9100", "USB /dev/usb/lp0". */
export function connectionText(connection: PrinterConnection, kindLabel: (kind: ConnectionKind) => string): string {
  switch (connection.kind) {
    case 'network':
      return `${kindLabel('network')} ${connection.host}:${connection.port}`;
    case 'usb':
    case 'serial':
      return `${kindLabel(connection.kind)} ${connection.path}`;
    case 'os':
      return `${kindLabel('os')} ${connection.queueName}`;
  }
}
