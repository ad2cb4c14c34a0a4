"""A durable outbox: work that must happen after a change commits, written in the change's transaction.

`enqueue` stores a message next to the change that caused it (same transaction: committed together or
not at all); `orchid worker` claims due messages under a lease, runs the handler registered for their
kind, and deletes them on success or reschedules them with back-off on failure. A worker killed
mid-delivery leaves its messages leased; when the lease expires another worker takes them again, so
every message is performed at least once. See docs/webhooks.md.
"""

from orchid.outbox.registry import handler
from orchid.outbox.service import discard, enqueue, enqueue_many

__all__ = ["discard", "enqueue", "enqueue_many", "handler"]
