"""Django's PostgreSQL backend, with a health check that mostly needs no
round trip to the server.

With persistent connections Django checks the connection before a request's
first query (CONN_HEALTH_CHECKS) by sending SELECT 1. On survey day that is
one more round trip in every page and every submission. A connection the
server has ended while it sat idle (a restart, a backend that was stopped)
always leaves something to read on its socket: the server's last message or
the end of the stream. So an idle connection with nothing to read is as good
as SELECT 1 would find it, and only when there is something to read (or the
connection is not idle) is SELECT 1 sent to make sure.

Settings choose it as the engine whenever the database is PostgreSQL."""

import select

from django.db.backends.postgresql import base
from psycopg import pq


def _nothing_to_read(socket: int) -> bool:
    poller = select.poll()
    poller.register(socket, select.POLLIN | select.POLLPRI)
    return not poller.poll(0)


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        pgconn = connection.pgconn
        try:
            idle = pgconn.transaction_status == pq.TransactionStatus.IDLE
            if idle and _nothing_to_read(pgconn.socket):
                return True
        except (OSError, ValueError, connection.OperationalError):
            pass  # no socket to look at: let SELECT 1 decide
        return super().is_usable()
