from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from xsdata.models.datatype import XmlDateTime
from orchid.schema.enums import (
    ContributorRole,
    ContributorSequence,
    Country as Iso3166Country,
    LanguageCode as LanguageCode1,
    Visibility,
)

__NAMESPACE__ = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ApprovalDate:
    class Meta:
        name = "approval-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class ArchivedDate:
    class Meta:
        name = "archived-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class ClientId:
    class Meta:
        name = "client-id"

    uri: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "pattern": r"https://([^/]*orcid\.org|localhost.*/orcid-web)/client/(APP-[\da-zA-Z]{16}|(\d{4}-){3,}\d{3}[\dX])",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "pattern": r"(APP-[\da-zA-Z]{16}|(\d{4}-){3,}\d{3}[\dX])",
        },
    )
    host: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ContributorEmail:
    class Meta:
        name = "contributor-email"

    value: str = field(
        default="",
        metadata={
            "max_length": 350,
            "pattern": r"[^@]+@[^\.]+\..+",
        },
    )


@dataclass(slots=True, kw_only=True)
class CreatedDate:
    class Meta:
        name = "created-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class CreditName:
    class Meta:
        name = "credit-name"

    value: str = field(
        default="",
        metadata={
            "max_length": 150,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )


class CurrencyCode(Enum):
    ADP = "ADP"
    AED = "AED"
    AFA = "AFA"
    AFN = "AFN"
    ALL = "ALL"
    AMD = "AMD"
    ANG = "ANG"
    AOA = "AOA"
    ARS = "ARS"
    ATS = "ATS"
    AUD = "AUD"
    AWG = "AWG"
    AYM = "AYM"
    AZM = "AZM"
    AZN = "AZN"
    BAM = "BAM"
    BBD = "BBD"
    BDT = "BDT"
    BEF = "BEF"
    BGL = "BGL"
    BGN = "BGN"
    BHD = "BHD"
    BIF = "BIF"
    BMD = "BMD"
    BND = "BND"
    BOB = "BOB"
    BOV = "BOV"
    BRL = "BRL"
    BSD = "BSD"
    BTN = "BTN"
    BWP = "BWP"
    BYB = "BYB"
    BYR = "BYR"
    BZD = "BZD"
    CAD = "CAD"
    CDF = "CDF"
    CHF = "CHF"
    CLF = "CLF"
    CLP = "CLP"
    CNY = "CNY"
    COP = "COP"
    CRC = "CRC"
    CSD = "CSD"
    CUC = "CUC"
    CUP = "CUP"
    CVE = "CVE"
    CYP = "CYP"
    CZK = "CZK"
    DEM = "DEM"
    DJF = "DJF"
    DKK = "DKK"
    DOP = "DOP"
    DZD = "DZD"
    EEK = "EEK"
    EGP = "EGP"
    ERN = "ERN"
    ESP = "ESP"
    ETB = "ETB"
    EUR = "EUR"
    FIM = "FIM"
    FJD = "FJD"
    FKP = "FKP"
    FRF = "FRF"
    GBP = "GBP"
    GEL = "GEL"
    GHC = "GHC"
    GHS = "GHS"
    GIP = "GIP"
    GMD = "GMD"
    GNF = "GNF"
    GRD = "GRD"
    GTQ = "GTQ"
    GWP = "GWP"
    GYD = "GYD"
    HKD = "HKD"
    HNL = "HNL"
    HRK = "HRK"
    HTG = "HTG"
    HUF = "HUF"
    IDR = "IDR"
    IEP = "IEP"
    ILS = "ILS"
    INR = "INR"
    IQD = "IQD"
    IRR = "IRR"
    ISK = "ISK"
    ITL = "ITL"
    JMD = "JMD"
    JOD = "JOD"
    JPY = "JPY"
    KES = "KES"
    KGS = "KGS"
    KHR = "KHR"
    KMF = "KMF"
    KPW = "KPW"
    KRW = "KRW"
    KWD = "KWD"
    KYD = "KYD"
    KZT = "KZT"
    LAK = "LAK"
    LBP = "LBP"
    LKR = "LKR"
    LRD = "LRD"
    LSL = "LSL"
    LTL = "LTL"
    LUF = "LUF"
    LVL = "LVL"
    LYD = "LYD"
    MAD = "MAD"
    MDL = "MDL"
    MGA = "MGA"
    MGF = "MGF"
    MKD = "MKD"
    MMK = "MMK"
    MNT = "MNT"
    MOP = "MOP"
    MRO = "MRO"
    MTL = "MTL"
    MUR = "MUR"
    MVR = "MVR"
    MWK = "MWK"
    MXN = "MXN"
    MXV = "MXV"
    MYR = "MYR"
    MZM = "MZM"
    MZN = "MZN"
    NAD = "NAD"
    NGN = "NGN"
    NIO = "NIO"
    NLG = "NLG"
    NOK = "NOK"
    NPR = "NPR"
    NZD = "NZD"
    OMR = "OMR"
    PAB = "PAB"
    PEN = "PEN"
    PGK = "PGK"
    PHP = "PHP"
    PKR = "PKR"
    PLN = "PLN"
    PTE = "PTE"
    PYG = "PYG"
    QAR = "QAR"
    ROL = "ROL"
    RON = "RON"
    RSD = "RSD"
    RUB = "RUB"
    RUR = "RUR"
    RWF = "RWF"
    SAR = "SAR"
    SBD = "SBD"
    SCR = "SCR"
    SDD = "SDD"
    SDG = "SDG"
    SEK = "SEK"
    SGD = "SGD"
    SHP = "SHP"
    SIT = "SIT"
    SKK = "SKK"
    SLL = "SLL"
    SOS = "SOS"
    SRD = "SRD"
    SRG = "SRG"
    STD = "STD"
    SVC = "SVC"
    SYP = "SYP"
    SZL = "SZL"
    THB = "THB"
    TJS = "TJS"
    TMM = "TMM"
    TMT = "TMT"
    TND = "TND"
    TOP = "TOP"
    TPE = "TPE"
    TRL = "TRL"
    TRY = "TRY"
    TTD = "TTD"
    TWD = "TWD"
    TZS = "TZS"
    UAH = "UAH"
    UGX = "UGX"
    USD = "USD"
    USN = "USN"
    USS = "USS"
    UYU = "UYU"
    UZS = "UZS"
    VEB = "VEB"
    VEF = "VEF"
    VND = "VND"
    VUV = "VUV"
    WST = "WST"
    XAF = "XAF"
    XAG = "XAG"
    XAU = "XAU"
    XBA = "XBA"
    XBB = "XBB"
    XBC = "XBC"
    XBD = "XBD"
    XCD = "XCD"
    XDR = "XDR"
    XFO = "XFO"
    XFU = "XFU"
    XOF = "XOF"
    XPD = "XPD"
    XPF = "XPF"
    XPT = "XPT"
    XSU = "XSU"
    XTS = "XTS"
    XUA = "XUA"
    XXX = "XXX"
    YER = "YER"
    YUM = "YUM"
    ZAR = "ZAR"
    ZMK = "ZMK"
    ZWD = "ZWD"
    ZWL = "ZWL"
    ZWN = "ZWN"
    ZWR = "ZWR"


@dataclass(slots=True, kw_only=True)
class DisambiguatedOrganization:
    class Meta:
        name = "disambiguated-organization"

    disambiguated_organization_identifier: str = field(
        metadata={
            "name": "disambiguated-organization-identifier",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 500,
        }
    )
    disambiguation_source: str = field(
        metadata={
            "name": "disambiguation-source",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 500,
        }
    )


@dataclass(slots=True, kw_only=True)
class FuzzyDate:
    class Meta:
        name = "fuzzy-date"
        namespace = "http://www.orcid.org/ns/common"

    year: int = field(
        metadata={
            "type": "Element",
            "min_inclusive": 1900,
            "max_inclusive": 2100,
        }
    )
    month: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "min_inclusive": 1,
            "max_inclusive": 12,
        },
    )
    day: None | int = field(
        default=None,
        metadata={
            "type": "Element",
            "min_inclusive": 1,
            "max_inclusive": 31,
        },
    )


class Iso3166CountryOrEmpty(Enum):
    AF = "AF"
    AX = "AX"
    AL = "AL"
    DZ = "DZ"
    AS = "AS"
    AD = "AD"
    AO = "AO"
    AI = "AI"
    AQ = "AQ"
    AG = "AG"
    AR = "AR"
    AM = "AM"
    AW = "AW"
    AU = "AU"
    AT = "AT"
    AZ = "AZ"
    BS = "BS"
    BH = "BH"
    BD = "BD"
    BB = "BB"
    BY = "BY"
    BE = "BE"
    BZ = "BZ"
    BJ = "BJ"
    BM = "BM"
    BT = "BT"
    BO = "BO"
    BQ = "BQ"
    BA = "BA"
    BW = "BW"
    BV = "BV"
    BR = "BR"
    IO = "IO"
    BN = "BN"
    BG = "BG"
    BF = "BF"
    BI = "BI"
    KH = "KH"
    CM = "CM"
    CA = "CA"
    CV = "CV"
    KY = "KY"
    CF = "CF"
    TD = "TD"
    CL = "CL"
    CN = "CN"
    CX = "CX"
    CC = "CC"
    CO = "CO"
    KM = "KM"
    CG = "CG"
    CD = "CD"
    CK = "CK"
    CR = "CR"
    CI = "CI"
    HR = "HR"
    CU = "CU"
    CW = "CW"
    CY = "CY"
    CZ = "CZ"
    DK = "DK"
    DJ = "DJ"
    DM = "DM"
    DO = "DO"
    EC = "EC"
    EG = "EG"
    SV = "SV"
    GQ = "GQ"
    ER = "ER"
    EE = "EE"
    ET = "ET"
    FK = "FK"
    FO = "FO"
    FJ = "FJ"
    FI = "FI"
    FR = "FR"
    GF = "GF"
    PF = "PF"
    TF = "TF"
    GA = "GA"
    GM = "GM"
    GE = "GE"
    DE = "DE"
    GH = "GH"
    GI = "GI"
    GR = "GR"
    GL = "GL"
    GD = "GD"
    GP = "GP"
    GU = "GU"
    GT = "GT"
    GG = "GG"
    GN = "GN"
    GW = "GW"
    GY = "GY"
    HT = "HT"
    HM = "HM"
    VA = "VA"
    HN = "HN"
    HK = "HK"
    HU = "HU"
    IS = "IS"
    IN = "IN"
    ID = "ID"
    IR = "IR"
    IQ = "IQ"
    IE = "IE"
    IM = "IM"
    IL = "IL"
    IT = "IT"
    JM = "JM"
    JP = "JP"
    JE = "JE"
    JO = "JO"
    KZ = "KZ"
    KE = "KE"
    KI = "KI"
    KP = "KP"
    KR = "KR"
    KW = "KW"
    KG = "KG"
    LA = "LA"
    LV = "LV"
    LB = "LB"
    LS = "LS"
    LR = "LR"
    LY = "LY"
    LI = "LI"
    LT = "LT"
    LU = "LU"
    MO = "MO"
    MK = "MK"
    MG = "MG"
    MW = "MW"
    MY = "MY"
    MV = "MV"
    ML = "ML"
    MT = "MT"
    MH = "MH"
    MQ = "MQ"
    MR = "MR"
    MU = "MU"
    YT = "YT"
    MX = "MX"
    FM = "FM"
    MD = "MD"
    MC = "MC"
    MN = "MN"
    ME = "ME"
    MS = "MS"
    MA = "MA"
    MZ = "MZ"
    MM = "MM"
    NA = "NA"
    NR = "NR"
    NP = "NP"
    NL = "NL"
    NC = "NC"
    NZ = "NZ"
    NI = "NI"
    NE = "NE"
    NG = "NG"
    NU = "NU"
    NF = "NF"
    MP = "MP"
    NO = "NO"
    OM = "OM"
    PK = "PK"
    PW = "PW"
    PS = "PS"
    PA = "PA"
    PG = "PG"
    PY = "PY"
    PE = "PE"
    PH = "PH"
    PN = "PN"
    PL = "PL"
    PT = "PT"
    PR = "PR"
    QA = "QA"
    RE = "RE"
    RO = "RO"
    RU = "RU"
    RW = "RW"
    BL = "BL"
    SH = "SH"
    KN = "KN"
    LC = "LC"
    MF = "MF"
    PM = "PM"
    VC = "VC"
    WS = "WS"
    SM = "SM"
    ST = "ST"
    SA = "SA"
    SN = "SN"
    RS = "RS"
    SC = "SC"
    SL = "SL"
    SG = "SG"
    SX = "SX"
    SK = "SK"
    SI = "SI"
    SB = "SB"
    SO = "SO"
    ZA = "ZA"
    GS = "GS"
    SS = "SS"
    ES = "ES"
    LK = "LK"
    SD = "SD"
    SR = "SR"
    SJ = "SJ"
    SZ = "SZ"
    SE = "SE"
    CH = "CH"
    SY = "SY"
    TJ = "TJ"
    TZ = "TZ"
    TH = "TH"
    TL = "TL"
    TG = "TG"
    TK = "TK"
    TO = "TO"
    TT = "TT"
    TN = "TN"
    TR = "TR"
    TM = "TM"
    TC = "TC"
    TV = "TV"
    UG = "UG"
    UA = "UA"
    AE = "AE"
    GB = "GB"
    US = "US"
    UM = "UM"
    UY = "UY"
    UZ = "UZ"
    VU = "VU"
    VE = "VE"
    VN = "VN"
    VG = "VG"
    VI = "VI"
    WF = "WF"
    EH = "EH"
    YE = "YE"
    ZM = "ZM"
    ZW = "ZW"
    TW = "TW"
    XK = "XK"


@dataclass(slots=True, kw_only=True)
class LastModifiedDate:
    class Meta:
        name = "last-modified-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class OrcidId:
    class Meta:
        name = "orcid-id"
        namespace = "http://www.orcid.org/ns/common"

    uri: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "pattern": r"https://([^/]*orcid\.org|localhost.*/orcid-web)/(\d{4}-){3,}\d{3}[\dX]",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "pattern": r"(\d{4}-){3,}\d{3}[\dX]",
        },
    )
    host: None | str = field(
        default=None,
        metadata={
            "type": "Element",
        },
    )


@dataclass(slots=True, kw_only=True)
class ReadDate:
    class Meta:
        name = "read-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


class RelationshipType(Enum):
    SELF = "self"
    PART_OF = "part-of"


@dataclass(slots=True, kw_only=True)
class SentDate:
    class Meta:
        name = "sent-date"
        namespace = "http://www.orcid.org/ns/common"

    value: XmlDateTime = field()


@dataclass(slots=True, kw_only=True)
class SourceName:
    class Meta:
        name = "source-name"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class Subtitle:
    class Meta:
        name = "subtitle"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(
        default="",
        metadata={
            "max_length": 1000,
        },
    )


@dataclass(slots=True, kw_only=True)
class Title:
    class Meta:
        name = "title"
        namespace = "http://www.orcid.org/ns/common"

    value: str = field(
        default="",
        metadata={
            "max_length": 1000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )


@dataclass(slots=True, kw_only=True)
class Url:
    class Meta:
        name = "url"

    value: str = field(default="")


@dataclass(slots=True, kw_only=True)
class Amount:
    class Meta:
        name = "amount"

    value: str = field(default="")
    currency_code: CurrencyCode = field(
        metadata={
            "name": "currency-code",
            "type": "Attribute",
        }
    )


@dataclass(slots=True, kw_only=True)
class ApplicationGroupOrcid(OrcidId):
    class Meta:
        name = "application-group-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ApplicationOrcid(OrcidId):
    class Meta:
        name = "application-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ContributorAttributes:
    class Meta:
        name = "contributor-attributes"

    contributor_sequence: None | ContributorSequence = field(
        default=None,
        metadata={
            "name": "contributor-sequence",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    contributor_role: None | ContributorRole = field(
        default=None,
        metadata={
            "name": "contributor-role",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class ContributorOrcid(OrcidId):
    class Meta:
        name = "contributor-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class Country:
    class Meta:
        name = "country"
        namespace = "http://www.orcid.org/ns/common"

    value: Iso3166CountryOrEmpty = field()
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class EndDate(FuzzyDate):
    class Meta:
        name = "end-date"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class GroupOrcidIdentifier(OrcidId):
    class Meta:
        name = "group-orcid-identifier"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class LanguageCode:
    class Meta:
        name = "language-code"
        namespace = "http://www.orcid.org/ns/common"

    value: LanguageCode1 = field()


@dataclass(slots=True, kw_only=True)
class OrcidIdentifier(OrcidId):
    class Meta:
        name = "orcid-identifier"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class OrganizationAddress:
    class Meta:
        name = "organization-address"

    city: str = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    region: None | str = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    country: Iso3166Country = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )


@dataclass(slots=True, kw_only=True)
class PublicationDate(FuzzyDate):
    class Meta:
        name = "publication-date"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class SourceOrcid(OrcidId):
    class Meta:
        name = "source-orcid"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class StartDate(FuzzyDate):
    class Meta:
        name = "start-date"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class StringWithLangCode:
    class Meta:
        name = "string-with-lang-code"

    value: str = field(
        default="",
        metadata={
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        },
    )
    language_code: LanguageCode1 = field(
        metadata={
            "name": "language-code",
            "type": "Attribute",
        }
    )


@dataclass(slots=True, kw_only=True)
class Address:
    class Meta:
        name = "address"

    country: None | Country = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class Organization:
    class Meta:
        name = "organization"

    name: str = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
            "max_length": 4000,
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    address: OrganizationAddress = field(
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        }
    )
    disambiguated_organization: None | DisambiguatedOrganization = field(
        default=None,
        metadata={
            "name": "disambiguated-organization",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class SourceType:
    class Meta:
        name = "source-type"

    source_orcid: None | SourceOrcid = field(
        default=None,
        metadata={
            "name": "source-orcid",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source_client_id: None | ClientId = field(
        default=None,
        metadata={
            "name": "source-client-id",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source_name: None | SourceName = field(
        default=None,
        metadata={
            "name": "source-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )


@dataclass(slots=True, kw_only=True)
class TranslatedTitle(StringWithLangCode):
    class Meta:
        name = "translated-title"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class Source(SourceType):
    class Meta:
        name = "source"
        namespace = "http://www.orcid.org/ns/common"


@dataclass(slots=True, kw_only=True)
class ElementSummary:
    class Meta:
        name = "element-summary"

    created_date: None | CreatedDate = field(
        default=None,
        metadata={
            "name": "created-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    last_modified_date: None | LastModifiedDate = field(
        default=None,
        metadata={
            "name": "last-modified-date",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    source: None | Source = field(
        default=None,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/common",
        },
    )
    put_code: None | int = field(
        default=None,
        metadata={
            "name": "put-code",
            "type": "Attribute",
        },
    )
    visibility: None | Visibility = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )
    display_index: None | str = field(
        default=None,
        metadata={
            "name": "display-index",
            "type": "Attribute",
        },
    )
    path: None | str = field(
        default=None,
        metadata={
            "type": "Attribute",
        },
    )


@dataclass(slots=True, kw_only=True)
class ExternalId(ElementSummary):
    class Meta:
        name = "external-id"
        namespace = "http://www.orcid.org/ns/common"

    external_id_type: str = field(
        metadata={
            "name": "external-id-type",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    external_id_value: str = field(
        metadata={
            "name": "external-id-value",
            "type": "Element",
            "pattern": r"[\s\S]*[^\s\n\r]+[\s\S]*",
        }
    )
    external_id_url: None | str = field(
        default=None,
        metadata={
            "name": "external-id-url",
            "type": "Element",
        },
    )
    external_id_relationship: None | RelationshipType = field(
        default=None,
        metadata={
            "name": "external-id-relationship",
            "type": "Element",
        },
    )


@dataclass(slots=True, kw_only=True)
class ExternalIds:
    class Meta:
        name = "external-ids"
        namespace = "http://www.orcid.org/ns/common"

    external_id: list[ExternalId] = field(
        default_factory=list,
        metadata={
            "name": "external-id",
            "type": "Element",
        },
    )
