// "A4 invoice" (the tax invoice PDF: the system's viewer on the desktop, a download in a browser) and "Print A4" (an office printer).
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorNote } from '../../app/ErrorNote';

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function InvoicePdfButtons({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const pdf = useMutation(
    trpc.printing.openInvoicePdf.mutationOptions({
      onSuccess: (result) => {
        if (!result.opened && result.base64) download(result.fileName, result.base64);
      },
    }),
  );
  const printA4 = useMutation(trpc.printing.reprint.mutationOptions());
  const openPdf = () => {
    printA4.reset();
    pdf.mutate({ invoiceId, pageSize: 'A4' });
  };
  const print = () => {
    pdf.reset();
    printA4.mutate({ docType: 'invoice', docId: invoiceId, format: 'a4' });
  };
  return (
    <div className="pdf-buttons">
      <button type="button" onClick={openPdf} disabled={pdf.isPending} data-testid="a4-invoice">
        {t('invoices.a4Invoice')}
      </button>
      <button type="button" onClick={print} disabled={printA4.isPending} data-testid="print-a4">
        {t('invoices.printA4')}
      </button>
      {pdf.data && (
        <div className="notice small" data-testid="pdf-state">
          {t(pdf.data.opened ? 'invoices.pdfOpened' : 'invoices.pdfDownloaded', { file: pdf.data.fileName })}
        </div>
      )}
      {printA4.isSuccess && (
        <div className="notice small" data-testid="print-a4-state">
          {t('invoices.a4Queued')}
        </div>
      )}
      <ErrorNote error={pdf.error ?? printA4.error} />
    </div>
  );
}
