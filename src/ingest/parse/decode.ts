const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes file bytes as UTF-8 text. Invalid byte sequences become U+FFFD, a leading byte-order mark
 * is dropped, and CRLF or lone CR line ends become LF. Never throws.
 */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/\r\n?/g, '\n');
}
