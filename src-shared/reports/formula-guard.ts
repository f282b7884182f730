// Spreadsheet formula injection: a text cell that starts with = + - @ (or a tab or carriage return) is taken as a formula
// by Excel, LibreOffice and Google Sheets, and an item or party name typed at the counter can be one. OWASP's advice is
// to start such a cell with a single quote, which shows the text as typed: https://owasp.org/www-community/attacks/CSV_Injection
// Only text is guarded: figures the report itself computed (money, quantities, counts) stay numbers, negatives too.
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardSpreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
