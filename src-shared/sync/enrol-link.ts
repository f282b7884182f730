// The enrolment link the dashboard's QR code holds: the server's address and the one-time code in one text, so a 2D
// barcode scanner at the counter can fill both boxes of the Sync settings form at once.

/**
 * The server's origin (scheme, host, port), then the whole code: "https://galla.example.in/?enrol=ABCDE-FGHJK". A
 * scanner types it one character at a time, so only a complete code (ten letters or digits) ends a match.
 */
const LINK = /^(https?:\/\/[^/?#\s]+)\/?\?enrol=([A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/;
const ORIGIN = /^https?:\/\/[^/?#\s]+/;

export function enrolmentLink(serverUrl: string, code: string): string {
  const origin = ORIGIN.exec(serverUrl.trim())?.[0] ?? serverUrl.trim();
  return `${origin}/?enrol=${code}`;
}

/** The address and code in a scanned link; null for anything else (a plain address being typed, say). */
export function parseEnrolmentLink(text: string): { serverUrl: string; code: string } | null {
  const match = LINK.exec(text.trim());
  return match ? { serverUrl: match[1]!, code: match[2]! } : null;
}
