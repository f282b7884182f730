// The printer form's pure core: what it saves is a list the ledger's own schema accepts, with one default always.
import { describe, expect, it } from 'vitest';
import { printerProfiles } from '../../src-shared/contracts/printing';
import {
  emptyPrinterForm,
  formOfPrinter,
  printerFormProblems,
  printerIdFor,
  printersWith,
  printersWithout,
} from '../../src-renderer/screens/settings/printer-form';

const network = (name: string, host: string, isDefault = false) => ({
  ...emptyPrinterForm(isDefault),
  name,
  host,
  isDefault,
});

describe('the printer list the form saves', () => {
  it('gives the first printer the default and a readable id, and the ledger accepts the list', () => {
    const list = printersWith([], null, network('Counter 1 (front)', '192.168.1.50', true));
    expect(list).toEqual([
      expect.objectContaining({
        id: 'counter-1-front',
        isDefault: true,
        connection: { kind: 'network', host: '192.168.1.50', port: 9100 },
      }),
    ]);
    expect(printerProfiles.safeParse(list).success).toBe(true);
  });

  it('a second printer made the default takes it from the first; ids stay unique', () => {
    const one = printersWith([], null, network('Counter', '10.0.0.5', true));
    const two = printersWith(one, null, network('Counter', '10.0.0.6', true));
    expect(two.map((printer) => [printer.id, printer.isDefault])).toEqual([
      ['counter', false],
      ['counter-2', true],
    ]);
    expect(printerProfiles.safeParse(two).success).toBe(true);
  });

  it('removing or un-defaulting the default leaves the first remaining printer as the default', () => {
    const two = printersWith(printersWith([], null, network('A', '10.0.0.5', true)), null, network('B', '10.0.0.6'));
    expect(printersWithout(two, 'a').map((printer) => [printer.id, printer.isDefault])).toEqual([['b', true]]);
    const edited = printersWith(two, 'a', { ...formOfPrinter(two[0]!), isDefault: false });
    expect(edited.map((printer) => [printer.id, printer.isDefault])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(printersWithout(printersWithout(two, 'a'), 'b')).toEqual([]);
  });

  it('an edit keeps the id and turns the fields back into a connection of the chosen kind', () => {
    const list = printersWith([], null, network('Front', '10.0.0.5', true));
    const usb = printersWith(list, 'front', {
      ...formOfPrinter(list[0]!),
      kind: 'usb',
      path: ' /dev/usb/lp0 ',
      width: 58,
    });
    expect(usb).toEqual([
      expect.objectContaining({ id: 'front', width: 58, connection: { kind: 'usb', path: '/dev/usb/lp0' } }),
    ]);
    const queue = printersWith(usb, 'front', { ...formOfPrinter(usb[0]!), kind: 'os', path: 'EPSON_TM_T82' });
    expect(queue[0]!.connection).toEqual({ kind: 'os', queueName: 'EPSON_TM_T82' });
    expect(formOfPrinter(queue[0]!).path).toBe('EPSON_TM_T82');
  });

  it('catches a missing name, host or path and a port out of range before anything is sent', () => {
    expect(printerFormProblems({ ...network('', ''), port: '70000' })).toEqual({
      name: 'printers.needName',
      host: 'printers.needHost',
      port: 'printers.badPort',
    });
    expect(printerFormProblems({ ...network('Front', '10.0.0.5'), port: '9100' })).toEqual({});
    expect(printerFormProblems({ ...network('Front', ''), kind: 'os' })).toEqual({ path: 'printers.needQueue' });
    expect(printerIdFor('॥ हिंदी ॥', [])).toBe('printer');
  });
});
