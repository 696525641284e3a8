"""The notifiers a server process uses, from its environment (secrets never on the command line).

``DESK_SERVER_SMTP_HOST`` (and ``_PORT``, ``_SENDER``, ``_STARTTLS`` = 1/0, ``_USER``,
``_PASSWORD``) enables email; ``DESK_SERVER_SMS_URL`` and ``DESK_SERVER_SMS_TOKEN`` enable
SMS. A channel that is not configured keeps its messages pending until it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping

from sync.server.notify import Notifier
from sync.server.notify.email import SmtpNotifier
from sync.server.notify.queue import NotificationSender
from sync.server.notify.sms import SmsGatewayNotifier

log = logging.getLogger(__name__)


def notifiers_from(env: Mapping[str, str]) -> dict[str, Notifier]:
    found: dict[str, Notifier] = {}
    host = env.get("DESK_SERVER_SMTP_HOST")
    if host:
        found["email"] = SmtpNotifier(
            host,
            int(env.get("DESK_SERVER_SMTP_PORT") or 587),
            sender=env.get("DESK_SERVER_SMTP_SENDER") or f"motcua@{host}",
            starttls=(env.get("DESK_SERVER_SMTP_STARTTLS") or "1") != "0",
            username=env.get("DESK_SERVER_SMTP_USER") or None,
            password=env.get("DESK_SERVER_SMTP_PASSWORD") or None,
        )
    url = env.get("DESK_SERVER_SMS_URL")
    if url:
        found["sms"] = SmsGatewayNotifier(url, env.get("DESK_SERVER_SMS_TOKEN") or "")
    return found


def start_sender_loop(sender: NotificationSender, every_seconds: float = 30.0) -> threading.Event:
    """Deliver due notifications in the background until the returned event is set."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every_seconds):
            try:
                sender.deliver_due()
            except Exception:  # a database hiccup must not end the loop; the rows stay
                log.exception("notification pass failed")

    threading.Thread(target=loop, name="notifications", daemon=True).start()
    return stop
