"""The language server (``followup-lint lsp``): diagnostics and quick fixes in any LSP editor.

Nothing here is imported when the command line starts; ``followup_lint.lsp.server`` imports pygls.
"""
