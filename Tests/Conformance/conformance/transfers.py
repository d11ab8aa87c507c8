"""The file servers for firmware and diagnostics cases (OCPP 1.6 §5.9, §5.19):
Tests/TransferServers/transfer_servers.py, importable from the conformance package.

    from conformance.transfers import start_servers
    with start_servers(workdir) as servers:   # HTTP, HTTPS, FTP in background threads
        ... servers.http + "/firmware.bin", servers.ftp + "/uploads/", servers.uploads
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "TransferServers"))

from transfer_servers import FTP_PASSWORD, FTP_USER, TransferServers, start_servers  # noqa: E402

__all__ = ["FTP_PASSWORD", "FTP_USER", "TransferServers", "start_servers"]
