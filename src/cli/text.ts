/**
 * Names in amoCRM data (stages, pipelines, leads, users) are typed by anyone with access to the
 * account; printed raw, an ESC or OSC sequence in one would drive the reader's terminal (colours,
 * titles, hyperlinks, clipboard writes). Whole sequences go first, so no visible remnant of them
 * ("[31m") is left behind, then every other C0/C1 control and DEL.
 */
const SEQUENCES = new RegExp(
  [
    // OSC … BEL or ST (ESC \), and its C1 form.
    '(?:\\u001b\\]|\\u009d)[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    // CSI … final byte, and its C1 form.
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?',
    // DCS, SOS, PM, APC strings up to ST.
    '(?:\\u001b[PX^_]|[\\u0090\\u0098\\u009e\\u009f])[^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)?',
    // Any other two-byte escape.
    '\\u001b[\\u0020-\\u007e]?',
  ].join('|'),
  'g',
);
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above, but keeping line breaks
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** A name for one table cell or line: every control removed, line breaks included. */
export function plainName(text: string): string {
  return text
    .replace(SEQUENCES, '')
    .replace(/[\t\n\r]+/g, ' ')
    .replace(CONTROLS, '');
}

/** A message that may span lines (lists of stages, schema issues): line breaks are kept. */
export function plainText(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS_BUT_NEWLINE, '');
}
