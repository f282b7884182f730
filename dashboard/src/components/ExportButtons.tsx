// CSV and XLSX download of one report table over the chosen range (the server writes the file; the browser saves it).
import { useMutation } from '@tanstack/react-query';
import type { ReportTableName } from '../../../src-shared/contracts/reports';
import { useTRPC } from '../trpc';
import type { Range } from '../range';

/** Saves a file the server made (base64) through the browser's download. */
export function saveFile(file: { filename: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ table, range }: { table: ReportTableName; range: Range }) {
  const trpc = useTRPC();
  const exporting = useMutation(trpc.reports.export.mutationOptions({ onSuccess: saveFile }));
  return (
    <span className="export">
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="small"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate({ ...range, table, format })}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </span>
  );
}
