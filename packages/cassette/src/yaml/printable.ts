/**
 * A character YAML does not allow in a document, as go-yaml checks: C0 and C1
 * controls but tab, LF, CR and NEL; U+FFFE and U+FFFF. DEL is let through:
 * goccy/go-yaml writes it raw, and reads it back.
 */
export const notPrintable = /[\x00-\x08\x0B\x0C\x0E-\x1F\x80-\x84\x86-\x9F\uFFFE\uFFFF]/;
