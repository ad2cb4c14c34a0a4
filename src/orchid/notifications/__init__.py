"""A researcher's notifications: amended (a member client changed the record), permission requests
(the Member API's notification-permission), the Registry UI inbox and its opt-outs.

See docs/notifications.md.
"""
