"""The reference email notifier: one plain-text UTF-8 message per notification over SMTP."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from sync.server.notify import Message, NotifyError


class SmtpNotifier:
    channel = "email"

    def __init__(
        self,
        host: str,
        port: int = 587,
        *,
        sender: str,
        starttls: bool = True,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 20.0,
    ) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.starttls, self.username, self.password = starttls, username, password
        self.timeout = timeout

    def send(self, message: Message) -> None:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail.set_content(message.text, charset="utf-8")
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password or "")
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused:
            raise NotifyError("máy chủ thư từ chối địa chỉ người nhận") from None
        except (smtplib.SMTPException, OSError) as error:
            raise NotifyError(f"không gửi được thư ({type(error).__name__})") from None
