"""Every API error has one shape, whatever went wrong:

    {"error": {"status": 404, "code": "not_found", "message": "Plain words."}}

so a program can rely on `error.code` and a person can read `error.message`."""

from django.http import JsonResponse
from ninja import Schema


class ErrorDetail(Schema):
    status: int
    code: str
    message: str


class Error(Schema):
    error: ErrorDetail


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


MESSAGES = {
    401: ("not_signed_in", "Send your API token in the Authorization header: Bearer <token>."),
    403: ("not_allowed", "Your role in this service does not let you see this."),
    404: ("not_found", "There is nothing here, or nothing you may see."),
    405: ("method_not_allowed", "The API only answers GET requests."),
    422: ("bad_request", "Some of the request's parameters are not valid."),
    429: ("too_many_requests", "Too many requests. Wait a minute and try again."),
    500: ("server_error", "Something went wrong on our side. It has been logged; please try again later."),
}


def error_response(status: int, code: str | None = None, message: str | None = None, headers=None) -> JsonResponse:
    default_code, default_message = MESSAGES.get(status, ("error", "The request could not be answered."))
    response = JsonResponse(
        {"error": {"status": status, "code": code or default_code, "message": message or default_message}},
        status=status,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# What every operation may answer besides 200, for the OpenAPI document.
ERRORS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}
