"""A real SMTP server for the smtp plugin's tests: aiosmtpd on 127.0.0.1:PORT, saving every accepted message
as FOLDER/N.eml before it answers 250. Recipients whose local part starts with "reject" get 550 and "later"
get 451, so that the tests can check how replies classify. AUTH (PLAIN, LOGIN) is offered, without TLS, and
accepts only the login "trig" with the password "right-password". No STARTTLS. Prints "ready" once it listens; stops when its
standard input closes (the test's process ends, whatever the way)."""
import itertools
import pathlib
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SavingHandler:
    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.numbers = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("reject"):
            return "550 5.1.1 mailbox unavailable"
        if local.startswith("later"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        path = self.folder / f"{next(self.numbers)}.eml"
        # Written aside, then renamed: a test never reads half a message.
        partial = path.with_suffix(".partial")
        partial.write_bytes(envelope.original_content or envelope.content)
        partial.rename(path)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    accepted = isinstance(auth_data, LoginPassword) and auth_data.login == b"trig" and auth_data.password == b"right-password"
    # handled=False: aiosmtpd then answers 535 itself (with handled=True it would answer nothing).
    return AuthResult(success=accepted, handled=False)


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    # The name it greets with is given: otherwise aiosmtpd asks socket.getfqdn() at every connection, including the
    # one start() makes to check itself, and on a machine whose DNS answers slowly the server does not start. start()
    # gives up after ready_timeout (5 s by default); the test waits 30 s for "ready", so a busy machine gets as long here.
    controller = Controller(
        SavingHandler(folder), hostname="127.0.0.1", port=port, server_hostname="localhost", ready_timeout=30,
        authenticator=authenticate, auth_require_tls=False)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()


main()
