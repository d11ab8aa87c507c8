"""The conformance cases, one module per area; importing this package registers them."""

from . import (  # noqa: F401
    authorization, availability, boot, cli, configuration, connectivity, connector_rating, link, malformed, power, remote,
    reset, security, sessions, station_limit, unlock,
)
