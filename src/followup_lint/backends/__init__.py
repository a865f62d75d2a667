"""Optional backends that run outside the linter's own process (only when the user configures them)."""
