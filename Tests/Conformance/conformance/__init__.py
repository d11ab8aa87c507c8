"""End-to-end conformance of the ocpp-console station against an independent central
system written on the PyPI package `ocpp` (mobilityhouse). See run.py."""
