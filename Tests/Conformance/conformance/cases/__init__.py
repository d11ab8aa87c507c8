"""The conformance cases, one module per area; importing this package registers them."""

from . import (  # noqa: F401
    authorization, availability, boot, cistring, cli, configuration, connectivity, datadir, link, malformed, power,
    remote, reset, security, sessions, unlock,
)
