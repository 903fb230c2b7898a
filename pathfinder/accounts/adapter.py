from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People join by invitation only, so there is no open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False
