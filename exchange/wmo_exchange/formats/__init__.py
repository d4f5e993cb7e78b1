"""The file formats without a public schema (CAK mutations, SVB TKB, SVB BAB).

Why each format was chosen, with an example of each: docs/exchange.md."""
