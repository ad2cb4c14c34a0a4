from orchid.schema.generated.custom.org.w3.xml.pkg_1998.namespace import LangValue

__all__ = [
    "LangValue",
]
