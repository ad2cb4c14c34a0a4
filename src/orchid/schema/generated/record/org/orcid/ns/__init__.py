from orchid.schema.generated.record.org.orcid.ns.activities import (
    ActivitiesSummary,
    AffiliationGroup,
    Distinctions,
    Educations,
    FundingGroup,
    InvitedPositions,
    Memberships,
    PeerReviewDuplicates,
    PeerReviewGroup,
    Qualifications,
    ResearchResourceGroup,
    Services,
    WorkGroup,
)
from orchid.schema.generated.record.org.orcid.ns.activities import (
    Employments as ActivitiesEmployments,
)
from orchid.schema.generated.record.org.orcid.ns.activities import (
    Fundings as ActivitiesFundings,
)
from orchid.schema.generated.record.org.orcid.ns.activities import (
    PeerReviews as ActivitiesPeerReviews,
)
from orchid.schema.generated.record.org.orcid.ns.activities import (
    ResearchResources as ActivitiesResearchResources,
)
from orchid.schema.generated.record.org.orcid.ns.activities import (
    Works as ActivitiesWorks,
)
from orchid.schema.generated.record.org.orcid.ns.address import (
    Address as AddressAddress,
)
from orchid.schema.generated.record.org.orcid.ns.address import (
    Addresses,
)
from orchid.schema.generated.record.org.orcid.ns.bulk import Bulk
from orchid.schema.generated.record.org.orcid.ns.common import (
    Address as CommonAddress,
)
from orchid.schema.generated.record.org.orcid.ns.common import (
    Affiliation,
    AffiliationSummary,
    Amount,
    ApplicationGroupOrcid,
    ApplicationOrcid,
    ApprovalDate,
    ArchivedDate,
    ClientId,
    ContributorOrcid,
    Country,
    CreatedDate,
    DisambiguatedOrganization,
    ElementSummary,
    EndDate,
    ExternalId,
    ExternalIds,
    FuzzyDate,
    GroupOrcidIdentifier,
    LanguageCode,
    LastModifiedDate,
    OrcidId,
    OrcidIdentifier,
    Organization,
    OrganizationAddress,
    PublicationDate,
    ReadDate,
    SentDate,
    Source,
    SourceName,
    SourceOrcid,
    SourceType,
    StartDate,
    StringWithLangCode,
    Subtitle,
    Title,
    TransientError,
    TransientNonEmptyString,
    TranslatedTitle,
    Url,
    Visibility,
)
from orchid.schema.generated.record.org.orcid.ns.common import (
    ContributorAttributes as CommonContributorAttributes,
)
from orchid.schema.generated.record.org.orcid.ns.common import (
    ContributorEmail as CommonContributorEmail,
)
from orchid.schema.generated.record.org.orcid.ns.common import (
    CreditName as CommonCreditName,
)
from orchid.schema.generated.record.org.orcid.ns.distinction import (
    Distinction,
    DistinctionSummary,
)
from orchid.schema.generated.record.org.orcid.ns.education import (
    Education,
    EducationSummary,
)
from orchid.schema.generated.record.org.orcid.ns.email import (
    Email,
    Emails,
)
from orchid.schema.generated.record.org.orcid.ns.employment import (
    Employment as EmploymentEmployment,
)
from orchid.schema.generated.record.org.orcid.ns.employment import (
    EmploymentSummary,
)
from orchid.schema.generated.record.org.orcid.ns.error import Error
from orchid.schema.generated.record.org.orcid.ns.expanded_search import (
    ExpandedResult,
    ExpandedSearch,
)
from orchid.schema.generated.record.org.orcid.ns.external_identifier import (
    ExternalIdentifier as ExternalIdentifierExternalIdentifier,
)
from orchid.schema.generated.record.org.orcid.ns.external_identifier import (
    ExternalIdentifiers as ExternalIdentifierExternalIdentifiers,
)
from orchid.schema.generated.record.org.orcid.ns.funding import (
    Contributor as FundingContributor,
)
from orchid.schema.generated.record.org.orcid.ns.funding import (
    ContributorAttributes as FundingContributorAttributes,
)
from orchid.schema.generated.record.org.orcid.ns.funding import (
    Contributors,
    Funding,
    FundingSummary,
    FundingTitle,
)
from orchid.schema.generated.record.org.orcid.ns.history import (
    Claimed,
    CompletionDate,
    CreationMethod,
    DeactivationDate,
    History,
    SourceDate,
    SourceReference,
    SubmissionDate,
)
from orchid.schema.generated.record.org.orcid.ns.invited_position import (
    InvitedPosition,
    InvitedPositionSummary,
)
from orchid.schema.generated.record.org.orcid.ns.keyword import (
    Keyword,
    Keywords,
)
from orchid.schema.generated.record.org.orcid.ns.membership import (
    Membership,
    MembershipSummary,
)
from orchid.schema.generated.record.org.orcid.ns.other_name import (
    OtherName,
    OtherNames,
)
from orchid.schema.generated.record.org.orcid.ns.peer_review import (
    PeerReview,
    PeerReviewSummary,
    SubjectName,
)
from orchid.schema.generated.record.org.orcid.ns.person import Person
from orchid.schema.generated.record.org.orcid.ns.personal_details import (
    Biography,
    Name,
    PersonalDetails,
)
from orchid.schema.generated.record.org.orcid.ns.personal_details import (
    CreditName as PersonalDetailsCreditName,
)
from orchid.schema.generated.record.org.orcid.ns.preferences import Preferences
from orchid.schema.generated.record.org.orcid.ns.qualification import (
    Qualification,
    QualificationSummary,
)
from orchid.schema.generated.record.org.orcid.ns.record import Record
from orchid.schema.generated.record.org.orcid.ns.research_resource import (
    Hosts,
    Proposal,
    ResearchResource,
    ResearchResourceSummary,
    ResearchResourceTitle,
    ResourceItem,
    ResourceItems,
)
from orchid.schema.generated.record.org.orcid.ns.researcher_url import (
    ResearcherUrl,
    ResearcherUrls,
)
from orchid.schema.generated.record.org.orcid.ns.search import (
    Result,
    Search,
)
from orchid.schema.generated.record.org.orcid.ns.service import (
    Service,
    ServiceSummary,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    EducationQualification,
    EducationQualifications,
    EducationQualificationType,
    EmailDomain,
    EmailDomains,
    ProfessionalActivities,
    ProfessionalActivity,
    ProfessionalActivityType,
    RecordSummary,
    VerificationDate,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    Employment as SummaryEmployment,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    Employments as SummaryEmployments,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    ExternalIdentifier as SummaryExternalIdentifier,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    ExternalIdentifiers as SummaryExternalIdentifiers,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    Fundings as SummaryFundings,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    PeerReviews as SummaryPeerReviews,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    ResearchResources as SummaryResearchResources,
)
from orchid.schema.generated.record.org.orcid.ns.summary import (
    Works as SummaryWorks,
)
from orchid.schema.generated.record.org.orcid.ns.work import (
    Citation,
    ContributorSequence,
    Work,
    WorkContributors,
    WorkSummary,
    WorkTitle,
)
from orchid.schema.generated.record.org.orcid.ns.work import (
    Contributor as WorkContributor,
)
from orchid.schema.generated.record.org.orcid.ns.work import (
    ContributorAttributes as WorkContributorAttributes,
)
from orchid.schema.generated.record.org.orcid.ns.work import (
    ContributorEmail as WorkContributorEmail,
)

__all__ = [
    "ActivitiesSummary",
    "AffiliationGroup",
    "Distinctions",
    "Educations",
    "ActivitiesEmployments",
    "FundingGroup",
    "ActivitiesFundings",
    "InvitedPositions",
    "Memberships",
    "PeerReviewDuplicates",
    "PeerReviewGroup",
    "ActivitiesPeerReviews",
    "Qualifications",
    "ResearchResourceGroup",
    "ActivitiesResearchResources",
    "Services",
    "WorkGroup",
    "ActivitiesWorks",
    "AddressAddress",
    "Addresses",
    "Bulk",
    "CommonAddress",
    "Affiliation",
    "AffiliationSummary",
    "Amount",
    "ApplicationGroupOrcid",
    "ApplicationOrcid",
    "ApprovalDate",
    "ArchivedDate",
    "ClientId",
    "CommonContributorAttributes",
    "CommonContributorEmail",
    "ContributorOrcid",
    "Country",
    "CreatedDate",
    "CommonCreditName",
    "DisambiguatedOrganization",
    "ElementSummary",
    "EndDate",
    "ExternalId",
    "ExternalIds",
    "FuzzyDate",
    "GroupOrcidIdentifier",
    "LanguageCode",
    "LastModifiedDate",
    "OrcidId",
    "OrcidIdentifier",
    "Organization",
    "OrganizationAddress",
    "PublicationDate",
    "ReadDate",
    "SentDate",
    "Source",
    "SourceName",
    "SourceOrcid",
    "SourceType",
    "StartDate",
    "StringWithLangCode",
    "Subtitle",
    "Title",
    "TransientError",
    "TransientNonEmptyString",
    "TranslatedTitle",
    "Url",
    "Visibility",
    "Distinction",
    "DistinctionSummary",
    "Education",
    "EducationSummary",
    "Email",
    "Emails",
    "EmploymentEmployment",
    "EmploymentSummary",
    "Error",
    "ExpandedResult",
    "ExpandedSearch",
    "ExternalIdentifierExternalIdentifier",
    "ExternalIdentifierExternalIdentifiers",
    "FundingContributor",
    "FundingContributorAttributes",
    "Contributors",
    "Funding",
    "FundingSummary",
    "FundingTitle",
    "Claimed",
    "CompletionDate",
    "CreationMethod",
    "DeactivationDate",
    "History",
    "SourceDate",
    "SourceReference",
    "SubmissionDate",
    "InvitedPosition",
    "InvitedPositionSummary",
    "Keyword",
    "Keywords",
    "Membership",
    "MembershipSummary",
    "OtherName",
    "OtherNames",
    "PeerReview",
    "PeerReviewSummary",
    "SubjectName",
    "Person",
    "Biography",
    "PersonalDetailsCreditName",
    "Name",
    "PersonalDetails",
    "Preferences",
    "Qualification",
    "QualificationSummary",
    "Record",
    "Hosts",
    "Proposal",
    "ResearchResource",
    "ResearchResourceSummary",
    "ResearchResourceTitle",
    "ResourceItem",
    "ResourceItems",
    "ResearcherUrl",
    "ResearcherUrls",
    "Result",
    "Search",
    "Service",
    "ServiceSummary",
    "EducationQualification",
    "EducationQualificationType",
    "EducationQualifications",
    "EmailDomain",
    "EmailDomains",
    "SummaryEmployment",
    "SummaryEmployments",
    "SummaryExternalIdentifier",
    "SummaryExternalIdentifiers",
    "SummaryFundings",
    "SummaryPeerReviews",
    "ProfessionalActivities",
    "ProfessionalActivity",
    "ProfessionalActivityType",
    "RecordSummary",
    "SummaryResearchResources",
    "VerificationDate",
    "SummaryWorks",
    "Citation",
    "WorkContributor",
    "WorkContributorAttributes",
    "WorkContributorEmail",
    "ContributorSequence",
    "Work",
    "WorkContributors",
    "WorkSummary",
    "WorkTitle",
]
