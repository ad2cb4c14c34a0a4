"""The Registry UI's pages. Each view reads its form, calls the module that holds the rule, renders."""

from __future__ import annotations

from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from orchid.errors import OrcidError
from orchid.oauth import services as client_services
from orchid.oauth.models import Client
from orchid.records import admin as record_admin
from orchid.records import emails as record_emails
from orchid.records.models import Researcher, VisibilityChoices
from orchid.records.services import RecordDeprecated
from orchid.web import (
    accounts,
    developer,
    editors,
    forms,
    mail,
    my_record,
    public_record,
    trusted,
    two_factor,
)
from orchid.web.context import id_uri

PREFILL = ("email", "orcid", "given_names", "family_names", "lang", "show_login")


def signed_in_researcher(request: HttpRequest) -> Researcher:
    """The signed-in account's record (404 for an account without one, e.g. an operator's)."""
    researcher = Researcher.objects.filter(user__pk=request.user.pk or 0).first()
    if researcher is None:
        raise Http404("This account has no ORCID record.")
    return researcher


def _signed_in_researcher(view: Any) -> Any:
    """Sign-in required (to /signin?next=...); the view gets the researcher as its second argument."""

    @login_required
    @never_cache
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, signed_in_researcher(request), *args, **kwargs)  # type: ignore[no-any-return]

    return wrapped


# ---------------------------------------------------------------------------------------------
# Sign in, sign out, register


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    next_url = accounts.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method != "POST" and request.GET.get("show_login", "").lower() == "false":
        params = {
            key: request.GET[key] for key in (*PREFILL, "next") if key in request.GET and key != "show_login"
        }
        return redirect(f"/register?{urlencode(params)}")
    prefill = request.GET.get("orcid") or request.GET.get("email") or ""
    form = forms.SignInForm(request.POST or None, initial={"username": prefill})
    error = None
    if request.method == "POST" and form.is_valid():
        result = accounts.check_sign_in(request, form.cleaned_data["username"], form.cleaned_data["password"])
        if result.user is not None:
            if two_factor.is_enabled(result.user):
                # Not signed in yet: the account waits in the session for its second step.
                two_factor.start_second_step(request, result.user, next_url)
                return redirect("web:signin-two-factor")
            # A new session key: no session fixation.
            two_factor.finish_sign_in(request, result.user, mfa=False)
            return HttpResponseRedirect(next_url)
        error = result.error
    register_params = {key: request.GET[key] for key in PREFILL if key in request.GET and key != "show_login"}
    register_params["next"] = next_url
    context = {
        "form": form,
        "error": error,
        "next": next_url,
        "register_query": urlencode(register_params),
        "max_failures": accounts.max_failures(),
        "window_minutes": accounts.window_minutes(),
    }
    return render(request, "web/signin.html", context, status=400 if error else 200)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signin_two_factor(request: HttpRequest) -> HttpResponse:
    """The second sign-in step: a TOTP code or a recovery code for the account the password step found."""
    pending = two_factor.pending_sign_in(request)
    if pending is None:
        return redirect("web:signin")
    form = forms.SecondStepForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        error = two_factor.check_code(
            request,
            pending.user,
            code=form.cleaned_data["code"],
            recovery_code=form.cleaned_data["recovery_code"],
        )
        if error is None:
            two_factor.finish_sign_in(request, pending.user, mfa=True, backend=pending.backend)
            return HttpResponseRedirect(pending.next_url)
    return render(
        request, "web/signin_two_factor.html", {"form": form, "error": error}, status=400 if error else 200
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signout(request: HttpRequest) -> HttpResponse:
    """POST signs out. GET (ORCID's clients call it) asks for confirmation when someone is signed in."""
    if request.method == "POST":
        logout(request)
        return HttpResponseRedirect(accounts.safe_next(request, request.POST.get("next"), "/signin"))
    return render(
        request, "web/signout.html", {"next": accounts.safe_next(request, request.GET.get("next"), "/signin")}
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    next_url = accounts.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    lang = request.GET.get("lang", "")
    initial = {
        "given_names": request.GET.get("given_names", ""),
        "family_name": request.GET.get("family_names", ""),
        "email": request.GET.get("email", ""),
        "locale": lang if lang in accounts.LOCALE_CODES else "en",
    }
    form = forms.RegisterForm(request.POST or None, initial=initial)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            researcher = accounts.register(
                request,
                given_names=data["given_names"],
                family_name=data["family_name"],
                email=data["email"],
                password=data["password"],
                locale=data.get("locale") or "en",
            )
        except accounts.AccountError as refusal:
            error = str(refusal)
        else:
            login(request, researcher.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                gettext("Welcome! Your ORCID iD is %(id_uri)s. We sent a verification link to %(email)s.")
                % {"id_uri": id_uri(researcher.orcid), "email": data["email"]},
            )
            return HttpResponseRedirect(next_url)
    signin_query = urlencode({"next": next_url})
    context = {"form": form, "error": error, "next": next_url, "signin_query": signin_query}
    return render(request, "web/register.html", context, status=400 if form.errors or error else 200)


@never_cache
@require_safe
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        row = accounts.verify_email(token)
    except accounts.AccountError as refusal:
        return render(
            request,
            "web/message.html",
            {"title": gettext("E-mail not verified"), "text": str(refusal)},
            status=400,
        )
    return render(
        request,
        "web/message.html",
        {
            "title": gettext("E-mail verified"),
            "text": gettext("Thank you: %(email)s is now verified.") % {"email": row.email},
            "link": "/my-orcid",
        },
    )


@require_POST
@_signed_in_researcher
def resend_verification(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    email = accounts.unverified_primary_email(researcher)
    if email:
        accounts.send_verification(request, researcher, email)
        messages.success(request, gettext("We sent a new verification link to %(email)s.") % {"email": email})
    return redirect("web:my-orcid")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reset_password(request: HttpRequest) -> HttpResponse:
    form = forms.EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.send_password_reset(request, form.cleaned_data["email"])
        text = gettext("If that address belongs to an ORCID record, we sent it a link to reset the password.")
        if settings.SANDBOX:
            text += " " + gettext("In this sandbox, read it in the mailbox.")
        return render(request, "web/message.html", {"title": gettext("Check your e-mail"), "text": text})
    return render(request, "web/reset_password.html", {"form": form})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reset_password_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = accounts.user_for_reset(uidb64, token)
    if user is None:
        return render(
            request,
            "web/message.html",
            {
                "title": gettext("Link not valid"),
                "text": gettext("This reset link is not valid or was already used."),
                "link": "/reset-password",
            },
            status=400,
        )
    form = forms.NewPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.set_password(user, form.cleaned_data["password"])
        messages.success(request, gettext("Your password was changed. Sign in with the new one."))
        return redirect("web:signin")
    return render(request, "web/reset_password_confirm.html", {"form": form})


# ---------------------------------------------------------------------------------------------
# The sandbox mailbox


def _sandbox_only() -> None:
    if not settings.SANDBOX:
        raise Http404("The mailbox exists in sandbox mode only.")


@never_cache
@require_safe
def mailbox(request: HttpRequest) -> HttpResponse:
    _sandbox_only()
    to = request.GET.get("to", "").strip()
    return render(request, "web/mailbox.html", {"messages_sent": mail.mailbox(to or None), "to": to})


@never_cache
@require_safe
def mailbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    _sandbox_only()
    message = mail.message(pk)
    if message is None:
        raise Http404("No such message.")
    return render(request, "web/mail_message.html", {"message": message})


# ---------------------------------------------------------------------------------------------
# The public record page


@csrf_exempt  # changes nothing: other methods get the API's answer (ORCID's 400 9012)
def record(request: HttpRequest, orcid: str) -> HttpResponse:
    """`/{orcid}`: HTML for browsers, the public v3.0 record in ORCID's XML/JSON types on request."""
    api_answer = public_record.api_response(request, orcid)
    if api_answer is not None:
        return api_answer
    try:
        view = public_record.page(orcid)
    except RecordDeprecated as deprecated:
        return HttpResponseRedirect(f"/{deprecated.primary_orcid}", status=301)
    except OrcidError as error:
        status = error.http_status if error.http_status >= 400 else 404
        return render(
            request,
            "web/message.html",
            {"title": gettext("Record not found"), "text": error.developer_message},
            status=status,
        )
    response = render(request, "web/record.html", {"record": view, "uri": id_uri(orcid)})
    response["Vary"] = "Accept"
    return response


# ---------------------------------------------------------------------------------------------
# Signed-in pages


@require_http_methods(["GET", "HEAD", "POST"])
@_signed_in_researcher
def my_orcid(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    initial = {
        "given_names": researcher.given_names,
        "family_name": researcher.family_name,
        "credit_name": researcher.credit_name,
        "biography": researcher.biography,
        "biography_visibility": researcher.biography_visibility,
        "default_visibility": researcher.default_visibility,
    }
    form = forms.ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            my_record.update_profile(researcher, **form.cleaned_data)
        except my_record.EditError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, gettext("Your record was saved."))
            return redirect("web:my-orcid")
    context = {
        "form": form,
        "record": my_record.own_record(researcher.orcid),
        "researcher": researcher,
        "uri": id_uri(researcher.orcid),
        "unverified_email": accounts.unverified_primary_email(researcher),
        "emails": record_emails.listed(researcher),
        "email_form": forms.AddEmailForm(initial={"visibility": researcher.default_visibility}),
        "editable": frozenset(editors.EDITORS),
        "visibility_choices": VisibilityChoices.choices,
    }
    return render(request, "web/my_orcid.html", context, status=400 if form.errors else 200)


@require_POST
@_signed_in_researcher
def delete_item(request: HttpRequest, researcher: Researcher, section: str, put_code: int) -> HttpResponse:
    try:
        my_record.delete_own_item(researcher.orcid, section, put_code)
    except (OrcidError, my_record.EditError) as refusal:
        messages.error(
            request,
            gettext("The item was not deleted: %(reason)s")
            % {"reason": getattr(refusal, "developer_message", refusal)},
        )
    else:
        messages.success(request, gettext("The item was deleted."))
    return redirect("web:my-orcid")


@require_http_methods(["GET", "HEAD", "POST"])
@_signed_in_researcher
def edit_item(
    request: HttpRequest, researcher: Researcher, section: str, put_code: int | None = None
) -> HttpResponse:
    """Add (no put code) or edit one item of a section with an editor (`orchid.web.editors`). A
    client's item is shown read-only: the services refuse its edit (9010), its visibility can change."""
    editor = editors.editor_for(section)
    if editor is None:
        raise Http404("This section has no editor.")
    document: dict[str, Any] | None = None
    if put_code is not None:
        try:
            document, _item = editors.stored_item(researcher.orcid, editor.section, put_code)
        except OrcidError:
            raise Http404("No such item on your record.") from None
    posted = request.POST if request.method == "POST" else None
    visibility = str(document["visibility"]) if document else researcher.default_visibility
    form = editors.ItemForm(
        editor,
        posted,
        initial=editors.initial_values(editor, document or {}, visibility),
        id_rows=editors.id_row_count(editor, document, posted),
    )
    error: OrcidError | None = None
    if posted is not None and form.is_valid():
        try:
            editors.save(researcher.orcid, form, put_code, document)
        except OrcidError as refusal:
            error = refusal
        else:
            messages.success(request, gettext("Your record was saved."))
            return HttpResponseRedirect(f"/my-orcid#s-{section}")
    context = {
        "editor": editor,
        "form": form,
        "put_code": put_code,
        "own": document is None or editors.is_own(document, researcher.orcid),
        "source_name": editors.source_name(document) if document else "",
        "visibility": visibility,
        "visibility_choices": VisibilityChoices.choices,
        "error": error.developer_message if error else None,
        "error_code": error.code if error else None,
    }
    status = (
        (error.http_status if error and error.http_status >= 400 else 400) if error or form.errors else 200
    )
    return render(request, "web/my_orcid_item.html", context, status=status)


@require_POST
@_signed_in_researcher
def item_visibility(
    request: HttpRequest, researcher: Researcher, section: str, put_code: int
) -> HttpResponse:
    try:
        my_record.set_item_visibility(researcher.orcid, section, put_code, request.POST.get("visibility", ""))
    except (OrcidError, my_record.EditError) as refusal:
        messages.error(
            request,
            gettext("The visibility was not changed: %(reason)s")
            % {"reason": getattr(refusal, "developer_message", refusal)},
        )
    else:
        messages.success(request, gettext("The visibility was changed."))
    return HttpResponseRedirect(f"/my-orcid#s-{section}")


@require_POST
@_signed_in_researcher
def add_email(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    form = forms.AddEmailForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
        return HttpResponseRedirect("/my-orcid#emails")
    try:
        row = record_emails.add(researcher, form.cleaned_data["email"], form.cleaned_data["visibility"])
    except record_emails.EmailError as refusal:
        messages.error(request, str(refusal))
    else:
        accounts.send_verification(request, researcher, row.email)
        messages.success(request, gettext("We sent a verification link to %(email)s.") % {"email": row.email})
    return HttpResponseRedirect("/my-orcid#emails")


@require_POST
@_signed_in_researcher
def email_action(request: HttpRequest, researcher: Researcher, email_id: str, action: str) -> HttpResponse:
    pk = int(email_id)
    try:
        if action == "primary":
            record_emails.set_primary(researcher, pk)
            messages.success(request, gettext("Your primary e-mail address was changed."))
        elif action == "visibility":
            record_emails.set_visibility(researcher, pk, request.POST.get("visibility", ""))
            messages.success(request, gettext("The visibility was changed."))
        elif action == "remove":
            record_emails.remove(researcher, pk)
            messages.success(request, gettext("The e-mail address was removed."))
        else:
            row = record_emails.unverified(researcher, pk)
            accounts.send_verification(request, researcher, row.email)
            messages.success(
                request, gettext("We sent a verification link to %(email)s.") % {"email": row.email}
            )
    except record_emails.EmailError as refusal:
        messages.error(request, str(refusal))
    return HttpResponseRedirect("/my-orcid#emails")


@require_safe
@_signed_in_researcher
def trusted_organizations(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    return render(request, "web/trusted.html", {"clients": trusted.trusted_clients(researcher.orcid)})


@require_POST
@_signed_in_researcher
def revoke_client(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    count = trusted.revoke(researcher.orcid, request.POST.get("client_id", ""))
    if count:
        messages.success(
            request, gettext("Access revoked: the organization can no longer read or update your record.")
        )
    return redirect("web:trusted-organizations")


@require_http_methods(["GET", "HEAD", "POST"])
@_signed_in_researcher
def developer_tools(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    client = developer.own_client(request.user)
    initial = {}
    if client is not None:
        initial = {
            "name": client.name,
            "website": client.website,
            "description": client.description,
            "redirect_uris": "\n".join(client.redirect_uris.split()),
        }
    form = forms.ClientForm(request.POST or None, initial=initial)
    secret = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            fields = {
                "name": data["name"],
                "website": data["website"],
                "description": data["description"],
                "redirect_uris": developer.parse_redirect_uris(data["redirect_uris"]),
            }
            try:
                if client is None:
                    client, secret = developer.register_client(request.user, **fields)
                else:
                    developer.update_client(client, **fields)
                    messages.success(request, gettext("Your client was saved."))
                    return redirect("web:developer-tools")
            except developer.ClientError as refusal:
                form.add_error(None, str(refusal))
        if form.errors:
            status = 400
    context = {"form": form, "client": client, "secret": secret}
    return render(request, "web/developer_tools.html", context, status=status)


@require_POST
@_signed_in_researcher
def reset_client_secret(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    client = developer.own_client(request.user)
    if client is None:
        return redirect("web:developer-tools")
    secret = developer.reset_secret(client)
    form = forms.ClientForm(
        initial={
            "name": client.name,
            "website": client.website,
            "description": client.description,
            "redirect_uris": "\n".join(client.redirect_uris.split()),
        }
    )
    return render(request, "web/developer_tools.html", {"form": form, "client": client, "secret": secret})


@require_http_methods(["GET", "HEAD", "POST"])
@_signed_in_researcher
def account(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    locale_form = forms.LocaleForm(request.POST or None, initial={"locale": researcher.locale})
    if request.method == "POST" and locale_form.is_valid():
        accounts.set_locale(researcher, locale_form.cleaned_data["locale"])
        messages.success(request, gettext("Your language was saved."))
        return redirect("web:account")
    context = {
        "locale_form": locale_form,
        "deactivate_form": forms.DeactivateForm(),
        "researcher": researcher,
        "two_factor_enabled": two_factor.is_enabled(request.user),
    }
    return render(request, "web/account.html", context, status=400 if locale_form.errors else 200)


@require_POST
@_signed_in_researcher
def deactivate(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    form = forms.DeactivateForm(request.POST)
    if not form.is_valid():
        locale_form = forms.LocaleForm(initial={"locale": researcher.locale})
        context = {"locale_form": locale_form, "deactivate_form": form, "researcher": researcher}
        return render(request, "web/account.html", context, status=400)
    accounts.deactivate(researcher)
    logout(request)
    return render(
        request,
        "web/message.html",
        {
            "title": gettext("Record deactivated"),
            "text": gettext("The record %(id_uri)s is deactivated.") % {"id_uri": id_uri(researcher.orcid)},
        },
    )


# ---------------------------------------------------------------------------------------------
# Two-factor authentication (account settings)


def _two_factor_page(
    request: HttpRequest, researcher: Researcher, status: int = 200, **context: Any
) -> HttpResponse:
    user = request.user
    enabled = two_factor.is_enabled(user)
    page: dict[str, Any] = {"enabled": enabled, "researcher": researcher}
    if enabled:
        page["remaining"] = two_factor.remaining_recovery_codes(user)
        page.setdefault("disable_form", forms.DisableTwoFactorForm())
        page.setdefault("regenerate_form", forms.EnableTwoFactorForm())
    else:
        setup = two_factor.begin_setup(user)
        secret = two_factor.secret_of(setup)
        uri = two_factor.provisioning_uri(setup, researcher.orcid)
        page["secret"] = secret
        page["secret_groups"] = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        page["otpauth_uri"] = uri
        page["qr"] = two_factor.qr_data_uri(uri)
        page.setdefault("enable_form", forms.EnableTwoFactorForm())
    page.update(context)
    return render(request, "web/two_factor.html", page, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@_signed_in_researcher
def two_factor_settings(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    """Show the state; POST confirms the set-up with a code and shows the recovery codes once."""
    if request.method != "POST":
        return _two_factor_page(request, researcher)
    form = forms.EnableTwoFactorForm(request.POST)
    if form.is_valid():
        try:
            codes = two_factor.confirm_setup(request, request.user, form.cleaned_data["code"])
        except two_factor.TwoFactorError as refusal:
            form.add_error("code", str(refusal))
        else:
            messages.success(request, gettext("Two-factor authentication is on."))
            return _two_factor_page(request, researcher, recovery_codes=codes)
    return _two_factor_page(request, researcher, status=400, enable_form=form)


@require_POST
@_signed_in_researcher
def two_factor_disable(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    form = forms.DisableTwoFactorForm(request.POST)
    if form.is_valid():
        try:
            two_factor.disable(
                request,
                request.user,
                password=form.cleaned_data["password"],
                code=form.cleaned_data["code"],
                recovery_code=form.cleaned_data["recovery_code"],
            )
        except two_factor.TwoFactorError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, gettext("Two-factor authentication is off."))
            return redirect("web:two-factor")
    if not two_factor.is_enabled(request.user):
        return redirect("web:two-factor")
    return _two_factor_page(request, researcher, status=400, disable_form=form)


@require_POST
@_signed_in_researcher
def two_factor_recovery_codes(request: HttpRequest, researcher: Researcher) -> HttpResponse:
    form = forms.EnableTwoFactorForm(request.POST)
    if form.is_valid():
        try:
            codes = two_factor.regenerate_recovery_codes(request.user, form.cleaned_data["code"])
        except two_factor.TwoFactorError as refusal:
            form.add_error("code", str(refusal))
        else:
            messages.success(request, gettext("New recovery codes: the old ones no longer work."))
            return _two_factor_page(request, researcher, recovery_codes=codes)
    if not two_factor.is_enabled(request.user):
        return redirect("web:two-factor")
    return _two_factor_page(request, researcher, status=400, regenerate_form=form)


# ---------------------------------------------------------------------------------------------
# Administration for operators (staff accounts only)


def _staff_only(view: Any) -> Any:
    """Sign-in required (to /signin?next=...); signed in without ``is_staff``: 403."""

    @login_required
    @never_cache
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_staff:
            return render(
                request,
                "web/message.html",
                {
                    "title": gettext("Not allowed"),
                    "text": gettext("The administration pages are for the registry's operators."),
                },
                status=403,
            )
        return view(request, *args, **kwargs)  # type: ignore[no-any-return]

    return wrapped


def _admin_page(
    request: HttpRequest, status: int = 200, orcid: str | None = None, **context: Any
) -> HttpResponse:
    orcid = orcid if orcid is not None else request.GET.get("orcid")
    page: dict[str, Any] = {
        "clients": client_services.list_clients(),
        "client_form": forms.AdminClientForm(),
        "lookup_form": forms.RecordLookupForm(initial={"orcid": orcid or ""}),
        "deprecate_form": forms.DeprecateForm(),
        "record": None,
        "record_error": None,
    }
    if orcid is not None:
        try:
            page["record"] = record_admin.find(orcid)
        except record_admin.RecordAdminError as refusal:
            page["record_error"] = str(refusal)
            status = max(status, 404)
    page.update(context)
    return render(request, "web/admin_tools.html", page, status=status)


def _actor(request: HttpRequest) -> str:
    return f"{request.user.get_username()} (from {accounts.client_address(request)})"


@require_safe
@_staff_only
def admin_tools(request: HttpRequest) -> HttpResponse:
    return _admin_page(request)


@require_POST
@_staff_only
def admin_create_client(request: HttpRequest) -> HttpResponse:
    form = forms.AdminClientForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            client, secret = client_services.create_member_client(
                data["name"],
                data["client_type"],
                developer.parse_redirect_uris(data["redirect_uris"]),
                description=data["description"],
                website=data["website"] or "",
                actor=_actor(request),
            )
        except ValidationError as error:
            form.add_error(None, "; ".join(error.messages))
        else:
            return _admin_page(request, new_client=client, new_secret=secret)
    return _admin_page(request, status=400, client_form=form)


@require_POST
@_staff_only
def admin_lock_client(request: HttpRequest, client_id: str, action: str) -> HttpResponse:
    try:
        client_services.set_client_locked(client_id, action == "lock", actor=_actor(request))
    except Client.DoesNotExist:
        raise Http404("No such client.") from None
    done = (
        gettext("Client %(client_id)s locked.")
        if action == "lock"
        else gettext("Client %(client_id)s unlocked.")
    )
    messages.success(request, done % {"client_id": client_id})
    return redirect("web:admin-tools")


def _back_to_record(orcid: str) -> HttpResponse:
    return HttpResponseRedirect(f"/admin-tools/?{urlencode({'orcid': orcid})}")


@require_POST
@_staff_only
def admin_lock_record(request: HttpRequest, orcid: str, action: str) -> HttpResponse:
    try:
        record_admin.set_locked(orcid, action == "lock", actor=_actor(request))
    except record_admin.RecordAdminError as refusal:
        raise Http404(str(refusal)) from None
    done = gettext("Record %(orcid)s locked.") if action == "lock" else gettext("Record %(orcid)s unlocked.")
    messages.success(request, done % {"orcid": orcid})
    return _back_to_record(orcid)


@require_POST
@_staff_only
def admin_deprecate_record(request: HttpRequest, orcid: str) -> HttpResponse:
    form = forms.DeprecateForm(request.POST)
    if form.is_valid():
        try:
            deprecated = record_admin.deprecate(orcid, form.cleaned_data["primary"], actor=_actor(request))
        except record_admin.RecordAdminError as refusal:
            form.add_error("primary", str(refusal))
        else:
            messages.success(
                request,
                gettext("Record %(orcid)s is deprecated into %(primary)s.")
                % {"orcid": orcid, "primary": deprecated.deprecated_to},
            )
            return _back_to_record(orcid)
    return _admin_page(request, status=400, orcid=orcid, deprecate_form=form)
