// Package export owns the files jixiao hands to other people: the Markdown
// summary for email, the CSV for Excel or WPS, and reading that CSV back
// (import) exactly. It knows the model only; it never touches the store or
// the screens, so the CLI and the TUI share one implementation.
package export
