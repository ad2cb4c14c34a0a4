"""Every ORCID message v3.0 enumeration, defined once.

ORCID's XSDs declare most of these as free strings ("ORCID will validate this value against the
enumeration ..."); the real vocabularies live in orcid-model's ``org.orcid.jaxb.model.common`` Java
enums and in a few ORCID-Source classes. Each class below says where its values come from. Member
values are the exact strings ORCID reads and writes in v3.0 XML and JSON, so ``str(member)`` is
what goes on the wire.

``parse_enum`` turns an incoming string into a member the way ORCID's API does, raising the
``OrcidError`` code ORCID uses for that vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from orchid.errors import OrcidError

__all__ = [
    "ContributorRole",
    "ContributorSequence",
    "Country",
    "CreationMethod",
    "CreditRole",
    "CurrencyCode",
    "CitationType",
    "FundingContributorRole",
    "FundingType",
    "GroupIdType",
    "INPUT_ALIASES",
    "LanguageCode",
    "Locale",
    "NotificationItemType",
    "PeerReviewRole",
    "PeerReviewSubjectType",
    "PeerReviewType",
    "Relationship",
    "ResearchResourceType",
    "Visibility",
    "WorkType",
    "parse_enum",
    "parse_funding_contributor_role",
    "parse_work_contributor_role",
]


class Visibility(StrEnum):
    """``common:visibility`` (common-3.0.xsd); ``registered-only`` is legacy but still valid."""

    PUBLIC = "public"
    LIMITED = "limited"
    REGISTERED_ONLY = "registered-only"
    PRIVATE = "private"


class WorkType(StrEnum):
    """orcid-model ``WorkType`` (the 2023 list, spec section 6.6).

    ORCID's Java enum draws no line between current and deprecated types: every value here is
    accepted on read and on write (older names such as ``conference-abstract`` included).
    ``INPUT_ALIASES`` holds the four CSL-style names ``WorkType.fromValue`` also accepts.
    """

    ANNOTATION = "annotation"
    ARTISTIC_PERFORMANCE = "artistic-performance"
    BLOG_POST = "blog-post"
    BOOK_CHAPTER = "book-chapter"
    BOOK_REVIEW = "book-review"
    BOOK = "book"
    CARTOGRAPHIC_MATERIAL = "cartographic-material"
    CLINICAL_STUDY = "clinical-study"
    CONFERENCE_ABSTRACT = "conference-abstract"
    CONFERENCE_OUTPUT = "conference-output"
    CONFERENCE_PAPER = "conference-paper"
    CONFERENCE_POSTER = "conference-poster"
    CONFERENCE_PRESENTATION = "conference-presentation"
    CONFERENCE_PROCEEDINGS = "conference-proceedings"
    DATA_MANAGEMENT_PLAN = "data-management-plan"
    DATA_SET = "data-set"
    DESIGN = "design"
    DICTIONARY_ENTRY = "dictionary-entry"
    DISCLOSURE = "disclosure"
    DISSERTATION_THESIS = "dissertation-thesis"
    EDITED_BOOK = "edited-book"
    ENCYCLOPEDIA_ENTRY = "encyclopedia-entry"
    IMAGE = "image"
    INVENTION = "invention"
    JOURNAL_ARTICLE = "journal-article"
    JOURNAL_ISSUE = "journal-issue"
    LEARNING_OBJECT = "learning-object"
    LECTURE_SPEECH = "lecture-speech"
    LICENSE = "license"
    MAGAZINE_ARTICLE = "magazine-article"
    MANUAL = "manual"
    MOVING_IMAGE = "moving-image"
    MUSICAL_COMPOSITION = "musical-composition"
    NEWSLETTER_ARTICLE = "newsletter-article"
    NEWSPAPER_ARTICLE = "newspaper-article"
    ONLINE_RESOURCE = "online-resource"
    OTHER = "other"
    PATENT = "patent"
    PHYSICAL_OBJECT = "physical-object"
    PREPRINT = "preprint"
    PUBLIC_SPEECH = "public-speech"
    REGISTERED_COPYRIGHT = "registered-copyright"
    REPORT = "report"
    RESEARCH_TECHNIQUE = "research-technique"
    RESEARCH_TOOL = "research-tool"
    REVIEW = "review"
    SOFTWARE = "software"
    SOUND = "sound"
    SPIN_OFF_COMPANY = "spin-off-company"
    STANDARDS_AND_POLICY = "standards-and-policy"
    SUPERVISED_STUDENT_PUBLICATION = "supervised-student-publication"
    TECHNICAL_STANDARD = "technical-standard"
    TEST = "test"
    TRADEMARK = "trademark"
    TRANSCRIPTION = "transcription"
    TRANSLATION = "translation"
    WEBSITE = "website"
    WORKING_PAPER = "working-paper"
    UNDEFINED = "undefined"


# orcid-model ``PeerReviewSubjectType``: every work type, then five funding/resource types, then
# ``undefined``. Built from WorkType so the work types are listed once.
PeerReviewSubjectType = StrEnum(  # type: ignore[misc]
    "PeerReviewSubjectType",
    [(member.name, member.value) for member in WorkType if member is not WorkType.UNDEFINED]
    + [
        ("GRANT", "grant"),
        ("CONTRACT", "contract"),
        ("AWARD", "award"),
        ("SALARY_AWARD", "salary-award"),
        ("RESEARCH_RESOURCE_PROPOSAL", "research-resource-proposal"),
        ("UNDEFINED", "undefined"),
    ],
)


class CitationType(StrEnum):
    """orcid-model ``CitationType``."""

    FORMATTED_UNSPECIFIED = "formatted-unspecified"
    BIBTEX = "bibtex"
    FORMATTED_APA = "formatted-apa"
    FORMATTED_HARVARD = "formatted-harvard"
    FORMATTED_IEEE = "formatted-ieee"
    FORMATTED_MLA = "formatted-mla"
    FORMATTED_VANCOUVER = "formatted-vancouver"
    FORMATTED_CHICAGO = "formatted-chicago"
    RIS = "ris"


class ContributorRole(StrEnum):
    """The original work contributor roles (ORCID-Source ``LegacyWorkContributorRole``).

    In v3.0 a work contributor role is either one of these or a ``CreditRole`` URI; use
    ``parse_work_contributor_role`` to accept both. The member *names* are the upper-case Java
    names ORCID stores in its database and still accepts on input.
    """

    AUTHOR = "author"
    ASSIGNEE = "assignee"
    EDITOR = "editor"
    CHAIR_OR_TRANSLATOR = "chair-or-translator"
    CO_INVESTIGATOR = "co-investigator"
    CO_INVENTOR = "co-inventor"
    GRADUATE_STUDENT = "graduate-student"
    OTHER_INVENTOR = "other-inventor"
    PRINCIPAL_INVESTIGATOR = "principal-investigator"
    POSTDOCTORAL_RESEARCHER = "postdoctoral-researcher"
    SUPPORT_STAFF = "support-staff"


class FundingContributorRole(StrEnum):
    """The original funding contributor roles (ORCID-Source ``LegacyFundingContributorRole``)."""

    LEAD = "lead"
    CO_LEAD = "co-lead"
    SUPPORTED_BY = "supported-by"
    OTHER_CONTRIBUTION = "other-contribution"


class CreditRole(StrEnum):
    """The 14 CRediT (NISO Z39.104) roles, as ORCID-Source ``CreditRole`` writes them.

    ORCID matches these URIs case-insensitively on input and always writes the ``http://`` form
    with the trailing slash.
    """

    CONCEPTUALIZATION = "http://credit.niso.org/contributor-roles/conceptualization/"
    DATA_CURATION = "http://credit.niso.org/contributor-roles/data-curation/"
    FORMAL_ANALYSIS = "http://credit.niso.org/contributor-roles/formal-analysis/"
    FUNDING_ACQUISITION = "http://credit.niso.org/contributor-roles/funding-acquisition/"
    INVESTIGATION = "http://credit.niso.org/contributor-roles/investigation/"
    METHODOLOGY = "http://credit.niso.org/contributor-roles/methodology/"
    PROJECT_ADMINISTRATION = "http://credit.niso.org/contributor-roles/project-administration/"
    RESOURCES = "http://credit.niso.org/contributor-roles/resources/"
    SOFTWARE = "http://credit.niso.org/contributor-roles/software/"
    SUPERVISION = "http://credit.niso.org/contributor-roles/supervision/"
    VALIDATION = "http://credit.niso.org/contributor-roles/validation/"
    VISUALIZATION = "http://credit.niso.org/contributor-roles/visualization/"
    WRITING_ORIGINAL_DRAFT = "http://credit.niso.org/contributor-roles/writing-original-draft/"
    WRITING_REVIEW_EDITING = "http://credit.niso.org/contributor-roles/writing-review-editing/"


class ContributorSequence(StrEnum):
    """orcid-model ``SequenceType`` (``contributor-sequence``)."""

    FIRST = "first"
    ADDITIONAL = "additional"


class FundingType(StrEnum):
    """orcid-model ``FundingType``."""

    GRANT = "grant"
    CONTRACT = "contract"
    AWARD = "award"
    SALARY_AWARD = "salary-award"


class PeerReviewRole(StrEnum):
    """orcid-model ``Role`` (peer-review ``reviewer-role``)."""

    REVIEWER = "reviewer"
    EDITOR = "editor"
    MEMBER = "member"
    CHAIR = "chair"
    ORGANIZER = "organizer"


class PeerReviewType(StrEnum):
    """orcid-model ``PeerReviewType`` (peer-review ``review-type``)."""

    REVIEW = "review"
    EVALUATION = "evaluation"


class Relationship(StrEnum):
    """orcid-model ``Relationship`` (``external-id-relationship``)."""

    SELF = "self"
    PART_OF = "part-of"
    VERSION_OF = "version-of"
    FUNDED_BY = "funded-by"


class ResearchResourceType(StrEnum):
    """orcid-model ``ResourceType`` (research-resource ``resource-type``)."""

    INFRASTRUCTURES = "infrastructures"
    COLLECTIONS = "collections"
    EQUIPMENT = "equipment"
    SERVICES = "services"


class GroupIdType(StrEnum):
    """``group-id-record/type`` (group-id-3.0.xsd); note the space in ``peer-review service``."""

    PUBLISHER = "publisher"
    INSTITUTION = "institution"
    JOURNAL = "journal"
    CONFERENCE = "conference"
    NEWSPAPER = "newspaper"
    NEWSLETTER = "newsletter"
    MAGAZINE = "magazine"
    PEER_REVIEW_SERVICE = "peer-review service"


class NotificationItemType(StrEnum):
    """``notification:activity-type`` (notification-permission-3.0.xsd), the ``item-type`` of an item."""

    EMPLOYMENT = "employment"
    EDUCATION = "education"
    QUALIFICATION = "qualification"
    INVITED_POSITION = "invited-position"
    DISTINCTION = "distinction"
    MEMBERSHIP = "membership"
    SERVICE = "service"
    FUNDING = "funding"
    WORK = "work"
    PEER_REVIEW = "peer-review"


class CreationMethod(StrEnum):
    """``history:creation-method`` (history-3.0.xsd).

    The XML values are mixed-case. The member names are the Java enum names, which ORCID's own
    v3.0 JSON sample (record-full-3.0.json) writes instead: ``"MEMBER_REFERRED"``.
    """

    API = "API"
    DIRECT = "Direct"
    MEMBER_REFERRED = "Member-referred"
    WEBSITE = "website"


class Locale(StrEnum):
    """orcid-model ``AvailableLocales``: the registry's UI languages (``preferences/locale``).

    ``xx`` is ORCID's pseudo-locale for spotting untranslated strings.
    """

    AR = "ar"
    CS = "cs"
    DE = "de"
    EN = "en"
    ES = "es"
    FR = "fr"
    IT = "it"
    JA = "ja"
    KO = "ko"
    PL = "pl"
    PT = "pt"
    RU = "ru"
    TR = "tr"
    ZH_CN = "zh_CN"
    ZH_TW = "zh_TW"
    XX = "xx"


class LanguageCode(StrEnum):
    """Language codes ORCID accepts for ``language-code`` (ORCID's ``AVAILABLE_ISO_LANGUAGES``).

    ISO 639-1 as Java's ``Locale`` knows it: the withdrawn codes ``iw``, ``in``, ``ji`` and ``mo``
    stand where ISO now has ``he``, ``id`` and ``yi`` (which ORCID rejects), and ``zh`` is split
    into ``zh_CN`` and ``zh_TW``.
    """

    AA = "aa"
    AB = "ab"
    AE = "ae"
    AF = "af"
    AK = "ak"
    AM = "am"
    AN = "an"
    AR = "ar"
    AS = "as"
    AV = "av"
    AY = "ay"
    AZ = "az"
    BA = "ba"
    BE = "be"
    BG = "bg"
    BH = "bh"
    BI = "bi"
    BM = "bm"
    BN = "bn"
    BO = "bo"
    BR = "br"
    BS = "bs"
    CA = "ca"
    CE = "ce"
    CH = "ch"
    CO = "co"
    CR = "cr"
    CS = "cs"
    CU = "cu"
    CV = "cv"
    CY = "cy"
    DA = "da"
    DE = "de"
    DV = "dv"
    DZ = "dz"
    EE = "ee"
    EL = "el"
    EN = "en"
    EO = "eo"
    ES = "es"
    ET = "et"
    EU = "eu"
    FA = "fa"
    FF = "ff"
    FI = "fi"
    FJ = "fj"
    FO = "fo"
    FR = "fr"
    FY = "fy"
    GA = "ga"
    GD = "gd"
    GL = "gl"
    GN = "gn"
    GU = "gu"
    GV = "gv"
    HA = "ha"
    HI = "hi"
    HO = "ho"
    HR = "hr"
    HT = "ht"
    HU = "hu"
    HY = "hy"
    HZ = "hz"
    IA = "ia"
    IE = "ie"
    IG = "ig"
    II = "ii"
    IK = "ik"
    IN = "in"
    IO = "io"
    IS = "is"
    IT = "it"
    IU = "iu"
    IW = "iw"
    JA = "ja"
    JI = "ji"
    JV = "jv"
    KA = "ka"
    KG = "kg"
    KI = "ki"
    KJ = "kj"
    KK = "kk"
    KL = "kl"
    KM = "km"
    KN = "kn"
    KO = "ko"
    KR = "kr"
    KS = "ks"
    KU = "ku"
    KV = "kv"
    KW = "kw"
    KY = "ky"
    LA = "la"
    LB = "lb"
    LG = "lg"
    LI = "li"
    LN = "ln"
    LO = "lo"
    LT = "lt"
    LU = "lu"
    LV = "lv"
    MG = "mg"
    MH = "mh"
    MI = "mi"
    MK = "mk"
    ML = "ml"
    MN = "mn"
    MO = "mo"
    MR = "mr"
    MS = "ms"
    MT = "mt"
    MY = "my"
    NA = "na"
    NB = "nb"
    ND = "nd"
    NE = "ne"
    NG = "ng"
    NL = "nl"
    NN = "nn"
    NO = "no"
    NR = "nr"
    NV = "nv"
    NY = "ny"
    OC = "oc"
    OJ = "oj"
    OM = "om"
    OR = "or"
    OS = "os"
    PA = "pa"
    PI = "pi"
    PL = "pl"
    PS = "ps"
    PT = "pt"
    QU = "qu"
    RM = "rm"
    RN = "rn"
    RO = "ro"
    RU = "ru"
    RW = "rw"
    SA = "sa"
    SC = "sc"
    SD = "sd"
    SE = "se"
    SG = "sg"
    SI = "si"
    SK = "sk"
    SL = "sl"
    SM = "sm"
    SN = "sn"
    SO = "so"
    SQ = "sq"
    SR = "sr"
    SS = "ss"
    ST = "st"
    SU = "su"
    SV = "sv"
    SW = "sw"
    TA = "ta"
    TE = "te"
    TG = "tg"
    TH = "th"
    TI = "ti"
    TK = "tk"
    TL = "tl"
    TN = "tn"
    TO = "to"
    TR = "tr"
    TS = "ts"
    TT = "tt"
    TW = "tw"
    TY = "ty"
    UG = "ug"
    UK = "uk"
    UR = "ur"
    UZ = "uz"
    VE = "ve"
    VI = "vi"
    VO = "vo"
    WA = "wa"
    WO = "wo"
    XH = "xh"
    YO = "yo"
    ZA = "za"
    ZH_CN = "zh_CN"
    ZH_TW = "zh_TW"
    ZU = "zu"


class Country(StrEnum):
    """orcid-model ``Iso3166Country``: 249 ISO 3166-1 alpha-2 codes plus ``XK`` (Kosovo)."""

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


class CurrencyCode(StrEnum):
    """ISO 4217 codes ``java.util.Currency`` knows (funding ``amount/@currency-code``).

    ORCID validates with ``Currency.getInstance``, so the accepted set is the JDK's, which keeps
    withdrawn codes (``DEM``, ``FRF``, ...) and funds/metal codes (``XAU``, ``XDR``, ...). This is
    the JDK 17 table (``java.base/.../currency.properties``, 230 codes).
    """

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
    BYN = "BYN"
    BYR = "BYR"
    BZD = "BZD"
    CAD = "CAD"
    CDF = "CDF"
    CHE = "CHE"
    CHF = "CHF"
    CHW = "CHW"
    CLF = "CLF"
    CLP = "CLP"
    CNY = "CNY"
    COP = "COP"
    COU = "COU"
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
    MRU = "MRU"
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
    SLE = "SLE"
    SLL = "SLL"
    SOS = "SOS"
    SRD = "SRD"
    SRG = "SRG"
    SSP = "SSP"
    STD = "STD"
    STN = "STN"
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
    UYI = "UYI"
    UYU = "UYU"
    UZS = "UZS"
    VEB = "VEB"
    VED = "VED"
    VEF = "VEF"
    VES = "VES"
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
    ZMW = "ZMW"
    ZWD = "ZWD"
    ZWL = "ZWL"
    ZWN = "ZWN"
    ZWR = "ZWR"


# --- Reading incoming values -------------------------------------------------------------------

_EnumT = TypeVar("_EnumT", bound=StrEnum)

# Older names ORCID's ``WorkType.fromValue`` / ``PeerReviewSubjectType.fromValue`` still map
# (CSL type names some clients send). ORCID never writes them back.
INPUT_ALIASES: Mapping[type[StrEnum], Mapping[str, StrEnum]] = {
    WorkType: {
        "article-journal": WorkType.JOURNAL_ARTICLE,
        "chapter": WorkType.BOOK_CHAPTER,
        "dataset": WorkType.DATA_SET,
        "standard": WorkType.STANDARDS_AND_POLICY,
    },
    PeerReviewSubjectType: {
        "article-journal": PeerReviewSubjectType("journal-article"),
        "chapter": PeerReviewSubjectType("book-chapter"),
        "dataset": PeerReviewSubjectType("data-set"),
        "standard": PeerReviewSubjectType("standards-and-policy"),
    },
}

# ORCID's ActivityValidator reports these as 9037 "Invalid ${type}, valid values are: ${values}".
_VALIDATOR_CHECKED_ENUMS: frozenset[type[StrEnum]] = frozenset(
    {WorkType, CitationType, LanguageCode, Country}
)

# The contributor-role converters store the Java name (AUTHOR, CO_LEAD) and accept it back on
# input, so for these both the name and the value are valid.
_ROLE_ENUMS_ACCEPTING_JAVA_NAMES: frozenset[type[StrEnum]] = frozenset(
    {ContributorRole, FundingContributorRole}
)

# ORCID names the Java enum in 9051 messages; where our class name differs, this is ORCID's.
_JAVA_ENUM_NAMES: Mapping[type[StrEnum], str] = {
    ContributorSequence: "SequenceType",
    PeerReviewRole: "Role",
    ResearchResourceType: "ResourceType",
    Locale: "AvailableLocales",
    Country: "Iso3166Country",
    CreditRole: "CreditRole",
}

_INVALID_TYPE = 9037
_INVALID_ENUM_VALUE = 9051
_INVALID_CONTRIBUTOR_ROLE = 9058


def parse_enum(enum_cls: type[_EnumT], value: str, *, field: str) -> _EnumT:
    """Return the member of ``enum_cls`` that ``value`` names, as ORCID's API would read it.

    Accepts the exact wire value, the aliases in ``INPUT_ALIASES``, the upper-case Java names of
    the original contributor roles, and CRediT URIs in any letter case. ``field`` is the human name
    of what is being read ("work type", "language code"); it goes into the error message.

    Raises ``OrcidError`` 9037 for work type, citation type, language code and country (as
    ORCID's validator does), 9058 for contributor roles, and 9051 for every other vocabulary.
    """
    member = _find_member(enum_cls, value)
    if member is None:
        raise _invalid_value_error(enum_cls, value, field=field)
    return member


def parse_work_contributor_role(value: str) -> ContributorRole | CreditRole:
    """Read a work ``contributor-role``: an original role or a CRediT URI (else 9058)."""
    return _parse_contributor_role(ContributorRole, value)


def parse_funding_contributor_role(value: str) -> FundingContributorRole | CreditRole:
    """Read a funding ``contributor-role``: an original role or a CRediT URI (else 9058)."""
    return _parse_contributor_role(FundingContributorRole, value)


def _parse_contributor_role(legacy_roles: type[_EnumT], value: str) -> _EnumT | CreditRole:
    legacy_role = _find_member(legacy_roles, value)
    if legacy_role is not None:
        return legacy_role
    credit_role = _find_member(CreditRole, value)
    if credit_role is not None:
        return credit_role
    raise _invalid_role_error(value, [*legacy_roles, *CreditRole])


def _find_member(enum_cls: type[_EnumT], value: str) -> _EnumT | None:
    try:
        return enum_cls(value)
    except ValueError:
        pass
    alias = INPUT_ALIASES.get(enum_cls, {}).get(value)
    if alias is not None:
        return enum_cls(alias.value)
    if enum_cls in _ROLE_ENUMS_ACCEPTING_JAVA_NAMES:
        return enum_cls.__members__.get(value)
    if enum_cls is CreditRole:
        # ORCID's CreditRole.fromValue uses equalsIgnoreCase.
        folded_value = value.casefold()
        for member in enum_cls:
            if member.value.casefold() == folded_value:
                return member
    return None


def _invalid_value_error(enum_cls: type[StrEnum], value: str, *, field: str) -> OrcidError:
    valid_values = [member.value for member in enum_cls]
    if enum_cls in _ROLE_ENUMS_ACCEPTING_JAVA_NAMES or enum_cls is CreditRole:
        return _invalid_role_error(value, valid_values)
    if enum_cls in _VALIDATOR_CHECKED_ENUMS:
        return OrcidError(_INVALID_TYPE, type=field, values=", ".join(valid_values))
    return OrcidError(
        _INVALID_ENUM_VALUE,
        f"Invalid {field}, valid values are: {', '.join(valid_values)}",
        value=value,
        enum=_JAVA_ENUM_NAMES.get(enum_cls, enum_cls.__name__),
    )


def _invalid_role_error(value: str, valid_roles: list[str] | list[StrEnum]) -> OrcidError:
    # ORCID puts a Java List.toString() into ${validRoles}: "[author, editor, ...]".
    return OrcidError(
        _INVALID_CONTRIBUTOR_ROLE,
        role=value,
        validRoles="[" + ", ".join(str(role) for role in valid_roles) + "]",
    )
