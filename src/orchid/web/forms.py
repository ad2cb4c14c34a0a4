"""The Registry UI's forms: input checks only; the rules are in the modules the views call."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from orchid.records.models import VisibilityChoices
from orchid.web.accounts import LOCALES, password_problem


class SignInForm(forms.Form):
    username = forms.CharField(
        label=_("E-mail or ORCID iD"),
        max_length=350,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class RegisterForm(forms.Form):
    given_names = forms.CharField(
        label=_("Given names"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    family_name = forms.CharField(
        label=_("Family name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), max_length=350, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=256,
        help_text=_("At least 8 characters, with a letter and a number or symbol."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Confirm password"),
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    locale = forms.CharField(required=False, max_length=8)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_new_password(self, data)
        return data


def check_new_password(form: forms.Form, data: dict[str, Any]) -> None:
    """A chosen password: typed the same twice and within ORCID's rules."""
    password = data.get("password") or ""
    if password and password != data.get("password_confirm"):
        form.add_error("password_confirm", _("The passwords do not match."))
    elif password:
        problem = password_problem(password)
        if problem:
            form.add_error("password", problem)


class EmailForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=350)


class NewPasswordForm(forms.Form):
    password = forms.CharField(label=_("New password"), max_length=256, widget=forms.PasswordInput)
    password_confirm = forms.CharField(
        label=_("Confirm new password"), max_length=256, widget=forms.PasswordInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_new_password(self, data)
        return data


class ProfileForm(forms.Form):
    given_names = forms.CharField(label=_("Given names"), max_length=150)
    family_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    credit_name = forms.CharField(label=_("Published name"), max_length=150, required=False)
    biography = forms.CharField(label=_("Biography"), max_length=5000, required=False, widget=forms.Textarea)
    biography_visibility = forms.ChoiceField(
        label=_("Biography visibility"), choices=VisibilityChoices.choices
    )
    default_visibility = forms.ChoiceField(label=_("Default visibility"), choices=VisibilityChoices.choices)


class AddEmailForm(forms.Form):
    email = forms.EmailField(label=_("Add an e-mail address"), max_length=350)
    visibility = forms.ChoiceField(label=_("Visibility"), choices=VisibilityChoices.choices)


class ClientForm(forms.Form):
    name = forms.CharField(label=_("Application name"), max_length=255)
    website = forms.URLField(label=_("Application website"), max_length=2000, assume_scheme="https")
    description = forms.CharField(label=_("Description"), max_length=1000, widget=forms.Textarea)
    redirect_uris = forms.CharField(
        label=_("Redirect URIs (one a line)"), max_length=4000, widget=forms.Textarea
    )


class LocaleForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), choices=LOCALES)


class DeactivateForm(forms.Form):
    confirm = forms.CharField(label=_("Type DEACTIVATE to confirm"), max_length=20)

    def clean_confirm(self) -> str:
        value = str(self.cleaned_data.get("confirm", "")).strip()
        if value != "DEACTIVATE":
            raise forms.ValidationError(_("Type DEACTIVATE in capital letters to confirm."))
        return value


# ---------------------------------------------------------------------------------------------
# Two-factor authentication

_CODE_ATTRS = {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}


class SecondStepForm(forms.Form):
    code = forms.CharField(
        label=_("Authentication code"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs=_CODE_ATTRS),
    )
    recovery_code = forms.CharField(
        label=_("Or a recovery code"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class EnableTwoFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(attrs=_CODE_ATTRS),
    )


class DisableTwoFactorForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        max_length=256,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Authentication code"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs=_CODE_ATTRS),
    )
    recovery_code = forms.CharField(label=_("Or a recovery code"), max_length=20, required=False)


# ---------------------------------------------------------------------------------------------
# Administration (operators)


class AdminClientForm(forms.Form):
    name = forms.CharField(label=_("Client name"), max_length=255)
    client_type = forms.ChoiceField(
        label=_("Client type"),
        choices=(("member", _("Member API client")), ("premium", _("Premium member API client (webhooks)"))),
    )
    website = forms.URLField(label=_("Website"), max_length=2000, assume_scheme="https", required=False)
    description = forms.CharField(
        label=_("Description"), max_length=1000, required=False, widget=forms.Textarea
    )
    redirect_uris = forms.CharField(
        label=_("Redirect URIs (one a line)"), max_length=4000, required=False, widget=forms.Textarea
    )


class RecordLookupForm(forms.Form):
    orcid = forms.CharField(label=_("ORCID iD"), max_length=60)


class DeprecateForm(forms.Form):
    primary = forms.CharField(label=_("Deprecate into (the primary record's iD)"), max_length=60)
