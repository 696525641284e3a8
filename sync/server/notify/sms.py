"""An SMS gateway adapter: POST ``{"to": …, "text": …}`` with a bearer token to the gateway.

Vietnamese SMS brandname gateways differ in field names; a province replaces ``body`` in a
subclass. Any 2xx answer is delivery accepted; anything else is a NotifyError retried later.
"""

from __future__ import annotations

from typing import Any

import httpx

from sync.server.notify import Message, NotifyError


class SmsGatewayNotifier:
    channel = "sms"

    def __init__(
        self, url: str, token: str, *, timeout: float = 15.0, transport: Any = None
    ) -> None:
        self.url, self._token = url, token
        self._client = httpx.Client(timeout=timeout, transport=transport)

    def body(self, message: Message) -> dict[str, Any]:
        return {"to": message.to, "text": message.text}

    def send(self, message: Message) -> None:
        try:
            answer = self._client.post(
                self.url,
                json=self.body(message),
                headers={"Authorization": f"Bearer {self._token}"},
            )
        except httpx.HTTPError as error:
            raise NotifyError(f"không kết nối được cổng SMS ({type(error).__name__})") from None
        if not answer.is_success:
            raise NotifyError(f"cổng SMS trả lời {answer.status_code}")

    def close(self) -> None:
        self._client.close()
