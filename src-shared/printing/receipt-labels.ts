// The words printed on receipts, in English and Hindi: the shop chooses English, Hindi or both in Settings.
//
// Hindi lines are not ASCII, so the ESC/POS renderer prints them as raster images; the layout needs no font knowledge.

export const RECEIPT_LANGUAGES = ['en', 'hi', 'both'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

const LABELS = {
  reprint: ['*** REPRINT / DUPLICATE ***', '*** दोबारा छपी प्रति ***'],
  phone: ['Ph', 'फ़ोन'],
  taxInvoice: ['TAX INVOICE', 'कर बीजक'],
  billOfSupply: ['BILL OF SUPPLY', 'आपूर्ति बिल'],
  billNo: ['Bill No', 'बिल नं.'],
  state: ['State', 'राज्य'],
  address: ['Address', 'पता'],
  deliverTo: ['Deliver to', 'माल पहुँचाने का पता'],
  reverseCharge: ['Reverse charge: No', 'रिवर्स चार्ज: नहीं'],
  valueOfSupply: ['Value of supply', 'आपूर्ति का मूल्य'],
  exemptSupply: ['Exempt / nil-rated goods: no GST charged', 'छूट / शून्य दर का माल: कोई GST नहीं लिया'],
  taxOn: ['on', 'पर'],
  forShop: ['For', 'कृते'],
  signatory: ['Authorised signatory', 'अधिकृत हस्ताक्षरकर्ता'],
  irn: ['IRN', 'IRN'],
  ackNo: ['Ack No', 'पावती नं.'],
  ackDate: ['Ack Date', 'पावती दिनांक'],
  einvoiceQr: ['e-Invoice: scan to verify', 'ई-इनवॉइस: जाँचने के लिए स्कैन करें'],
  date: ['Date', 'दिनांक'],
  to: ['To', 'ग्राहक'],
  placeOfSupply: ['Place of supply', 'आपूर्ति का राज्य'],
  discount: ['discount', 'छूट'],
  items: ['Items', 'सामान'],
  itemsInclusive: ['Items (GST incl.)', 'सामान (GST सहित)'],
  itemsExclusive: ['Items (before GST)', 'सामान (GST से पहले)'],
  billDiscount: ['Bill discount', 'बिल पर छूट'],
  added: ['added', 'जोड़ा'],
  roundOff: ['Round off', 'पूर्णांकन'],
  total: ['TOTAL Rs.', 'कुल ₹'],
  gstIncluded: ['GST included in the prices:', 'दामों में शामिल GST:'],
  gstSummary: ['GST on this bill:', 'इस बिल का GST:'],
  rate: ['GST', 'GST'],
  taxable: ['Taxable', 'कर योग्य'],
  cash: ['Cash', 'नकद'],
  upi: ['UPI', 'UPI'],
  card: ['Card', 'कार्ड'],
  khata: ['Khata (credit)', 'खाता (उधार)'],
  change: ['Change', 'वापसी'],
  dueOnKhata: ['Due on khata', 'खाते में बाकी'],
  khataBalance: ['Khata balance now', 'खाते का बकाया अब'],
  scanToPay: ['Scan to pay by UPI', 'UPI से चुकाने के लिए स्कैन करें'],
  creditNote: ['CREDIT NOTE (RETURN)', 'क्रेडिट नोट (वापसी)'],
  creditNoteNo: ['Credit note', 'क्रेडिट नोट'],
  againstBill: ['Against bill', 'बिल'],
  reason: ['Reason', 'कारण'],
  returned: ['returned', 'वापस'],
  creditedToKhata: ['Credited to khata Rs.', 'खाते में जमा ₹'],
  refundBy: ['Refund by', 'वापसी'],
  paymentReceived: ['PAYMENT RECEIVED', 'भुगतान प्राप्त'],
  receiptNo: ['Receipt No', 'रसीद नं.'],
  from: ['From', 'से'],
  receivedBy: ['Received by', 'प्राप्त'],
  reference: ['Ref', 'संदर्भ'],
  receiptCancelled: ['RECEIPT CANCELLED', 'रसीद रद्द'],
  reversalNo: ['Reversal No', 'रद्द पर्ची नं.'],
  cancelsReceipt: ['Cancels receipt', 'रद्द की गई रसीद'],
  backOutBy: ['Paid back out by', 'वापस दिया'],
  purchaseOrder: ['PURCHASE ORDER', 'खरीद ऑर्डर'],
  orderNo: ['Order No', 'ऑर्डर नं.'],
  supplier: ['To', 'सप्लायर'],
  note: ['Note', 'टिप्पणी'],
  orderItems: ['Items ordered', 'मंगाया सामान'],
  expectedValue: ['Expected value Rs.', 'अनुमानित मूल्य ₹'],
  rupees: ['Rs.', '₹'],
  paidToSupplier: ['PAYMENT TO SUPPLIER', 'सप्लायर को भुगतान'],
  paymentNo: ['Payment No', 'भुगतान नं.'],
  paidTo: ['Paid to', 'किसे दिया'],
  paidBy: ['Paid by', 'भुगतान'],
  bank: ['Bank', 'बैंक'],
  cheque: ['Cheque', 'चेक'],
  chequeNo: ['Cheque No', 'चेक नं.'],
  chequeDate: ['Cheque date', 'चेक की तारीख'],
  dueToSupplier: ['Still owed to supplier', 'सप्लायर का बकाया अब'],
  receivedBySupplier: ['Received by (sign)', 'प्राप्तकर्ता (हस्ताक्षर)'],
} as const satisfies Record<string, readonly [string, string]>;

export type ReceiptLabel = keyof typeof LABELS;
export type Labeller = (label: ReceiptLabel) => string;

/** The label in the chosen language; "both" prints English then Hindi, so either reader finds their word. */
export function receiptLabels(language: ReceiptLanguage): Labeller {
  return (label) => {
    const [english, hindi] = LABELS[label];
    if (language === 'en' || english === hindi) return english;
    return language === 'hi' ? hindi : `${english} / ${hindi}`;
  };
}

/** Payment modes by their receipt label. */
export const MODE_LABELS = { cash: 'cash', upi: 'upi', card: 'card', khata: 'khata' } as const satisfies Record<
  string,
  ReceiptLabel
>;
