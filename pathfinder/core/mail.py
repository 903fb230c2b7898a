"""Sending e-mail. Every message the product sends goes through here (a test
checks that nothing else imports Django's senders).

A subject is one header line. Subjects are often built from titles people
typed, and a line break in one (a survey called "Training needs\\r\\n2027")
would make Django refuse to build the message, so they are joined here.
django-allauth's own e-mails join their subject lines the same way.
"""

from django.core import mail


def one_line(subject) -> str:
    return " ".join(part.strip() for part in str(subject).splitlines() if part.strip())


def send_mail(subject, message, from_email, recipient_list, **options) -> int:
    """Django's send_mail, with the subject made one line."""
    return mail.send_mail(one_line(subject), message, from_email, recipient_list, **options)
