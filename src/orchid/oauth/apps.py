from django.apps import AppConfig


class OAuthConfig(AppConfig):
    name = "orchid.oauth"
    label = "oauth"
    verbose_name = "OAuth clients and tokens"
