"""Errors raised while reading a draft; the CLI turns them into one line and exit status 2."""


class DraftError(Exception):
    """A draft could not be read. ``str()`` is a one-line reason; ``path`` names the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
