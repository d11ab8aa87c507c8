"""The conformance cases, one module per area; importing this package registers them."""

from . import (  # noqa: F401
    authorization, availability, boot, cistring, cli, clock, configuration, connectivity, connector_rating, datadir,
    demo_csms, demo_csms_resume, firmware, fleet, hardware, link, malformed, observers, ordering, power, registers, remote, reservations,
    reset, security, security_events, security_profiles, sessions, station_limit, unlock,
)
