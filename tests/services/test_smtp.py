"""E-mail reminders against a real SMTP server on 127.0.0.1: plain, with a login, and over STARTTLS."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from ritual.core.reminders import Reminder
from ritual.paths import Paths
from ritual.services.reminders.notifiers import NotifierChain, NotifyFailed, TerminalNotifier
from ritual.services.reminders.notify_smtp import PASSWORD_ENV, EmailNotifier, smtp_password
from ritual.settings.reminders import SmtpSettings
from ritual.settings.load import load_settings

SECRET = "correct horse battery"
REMINDER = Reminder(
    key="write/1/birthday/2026-12-03", kind="write", due=dt.datetime(2026, 11, 28, 9, tzinfo=dt.timezone.utc),
    day=dt.date(2026, 11, 28), friend_id=1, friend="Ana", occasion="birthday", occasion_date=dt.date(2026, 12, 3),
    title="A good day to write to Ana", body="Write to Ana — birthday (36) Thu 3 Dec. Post it by Mon 30 Nov.",
)


class Inbox:
    """Keeps every message the server accepted."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=default)))
        return "250 Message accepted for delivery"


def only_secret(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == SECRET.encode()
    return AuthResult(success=ok)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(request):
    """A running SMTP server on loopback; parameters go to aiosmtpd's Controller."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **getattr(request, "param", {}))
    controller.start()
    yield inbox, port
    controller.stop()


def shipped(**changes) -> SmtpSettings:
    """The shipped e-mail settings (nothing set up), with some values changed."""
    return load_settings(Paths.under(Path("/nonexistent-ritual-home"))).reminders.smtp._replace(**changes)


def settings(port: int, **changes) -> SmtpSettings:
    base = {"host": "127.0.0.1", "port": port, "security": "none", "sender": "ritual@example.org",
            "to": "me@example.org"}
    return shipped(**{**base, **changes})


def test_the_reminder_arrives_as_a_gentle_plain_text_mail(server):
    inbox, port = server
    EmailNotifier(settings(port)).send(REMINDER, late=True)
    [(recipients, message)] = inbox.messages
    assert recipients == ["me@example.org"]
    assert message["Subject"] == "A good day to write to Ana (a little late)"
    assert message["X-Ritual-Reminder"] == REMINDER.key and message["From"] == "ritual@example.org"
    assert "Post it by Mon 30 Nov" in message.get_content() and "warm wishes" in message.get_content()


LOGIN = {"authenticator": only_secret, "auth_require_tls": False}


@pytest.mark.parametrize("server", [LOGIN], indirect=True)
def test_the_password_comes_from_the_environment(server, monkeypatch):
    inbox, port = server
    monkeypatch.setenv(PASSWORD_ENV, SECRET)
    EmailNotifier(settings(port, user="me")).send(REMINDER, late=False)
    assert len(inbox.messages) == 1


@pytest.mark.parametrize("server", [LOGIN], indirect=True)
def test_the_password_comes_from_a_command(server, monkeypatch, tmp_path):
    inbox, port = server
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    script = tmp_path / "secret.py"
    script.write_text(f"print({SECRET!r})\nprint('second line is ignored')\n")
    command = f"{sys.executable} {script}"
    assert smtp_password(shipped(password_command=command)) == SECRET
    EmailNotifier(settings(port, user="me", password_command=command)).send(REMINDER, late=False)
    assert len(inbox.messages) == 1


@pytest.mark.parametrize("server", [LOGIN], indirect=True)
def test_a_wrong_password_fails_without_showing_it_and_the_next_notifier_delivers(server, monkeypatch, capsys, caplog):
    inbox, port = server
    monkeypatch.setenv(PASSWORD_ENV, "not it")
    # aiosmtpd holds back its answer to a failed login; a short timeout keeps the test quick.
    email = EmailNotifier(settings(port, user="me"), timeout=1)
    assert NotifierChain([email, TerminalNotifier()]).deliver(REMINDER, late=False) == "terminal"
    assert inbox.messages == [] and "A good day to write to Ana" in capsys.readouterr().out
    assert "email failed" in caplog.text and "not it" not in caplog.text


def test_an_unreachable_server_is_a_failure_not_a_crash():
    with pytest.raises(NotifyFailed, match="127.0.0.1"):
        EmailNotifier(settings(free_port()), timeout=5).send(REMINDER, late=False)


def test_without_host_or_recipient_email_says_why():
    assert EmailNotifier(shipped()).problem() == "smtp_host and smtp_to are not set"


def self_signed(tmp_path):
    """A certificate for 127.0.0.1 and its key, written as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_starttls_with_a_login_against_a_server_that_requires_it(tmp_path, monkeypatch):
    cert_file, key_file = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                            authenticator=only_secret)
    controller.start()
    try:
        # The client verifies the server against the system's trust store, which this variable points at.
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        monkeypatch.setenv(PASSWORD_ENV, SECRET)
        EmailNotifier(settings(port, security="starttls", user="me")).send(REMINDER, late=False)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
