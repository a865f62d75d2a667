"""Errors in rule files and configuration: one line naming the file and the field."""


class RuleError(Exception):
    """A rule file (or a rule override in a config file) is invalid."""

    def __init__(self, path: str, field: str | None, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.field = field
        self.problem = problem

    def __str__(self) -> str:
        where = f"{self.path}: {self.field}" if self.field else self.path
        return f"{where}: {self.problem}"
