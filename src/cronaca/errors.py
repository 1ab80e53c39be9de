"""Every error Cronaca raises on purpose.

Each message is one line that names the input and says what to do next; the CLI prints it
without a traceback.  Stable codes (``E1xx`` input, ``E2xx`` language, ``E3xx`` models,
``E4xx`` data, ``E5xx`` the store, ``E6xx`` the explorer) let users and tests refer to a failure without matching its wording.
"""

from __future__ import annotations


class CronacaError(Exception):
    """Base class: a one-line message a user can act on."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class InputError(CronacaError):
    """An input cannot be read as a document."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class EncodingError(InputError):
    code = "E104"


class FetchError(InputError):
    code = "E105"


class RecordError(InputError):
    """A JSON Lines record is malformed."""

    code = "E106"


class NoTextError(InputError):
    """The input was read but held no article text."""

    code = "E107"


class UnsupportedLanguageError(CronacaError):
    code = "E200"


class ModelError(CronacaError):
    """A language model is missing, corrupt or not the one Cronaca pins."""

    code = "E300"


class DataNotFoundError(CronacaError):
    """A corpus or data folder that a command needs is missing."""

    code = "E400"


class ResourceError(CronacaError):
    """A language resource file shipped with Cronaca is malformed."""

    code = "E401"


class StoreError(CronacaError):
    """The database cannot be opened, read or written."""

    code = "E500"


class StoreBusyError(StoreError):
    """Another process holds the database's write lock."""

    code = "E501"


class StoreMissingError(StoreError):
    """A command that only reads was pointed at a database that does not exist."""

    code = "E502"


class QueryError(StoreError):
    """A user statement was refused or failed."""

    code = "E503"


class ExportError(StoreError):
    """An export cannot be written where asked."""

    code = "E504"


class ExplorerError(CronacaError):
    """The web explorer cannot answer a request."""

    code = "E600"


class SlowQueryError(ExplorerError):
    """A query ran past the explorer's time limit and was stopped."""

    code = "E601"


class NotFoundError(ExplorerError):
    """No event or article with that id."""

    code = "E602"
