//! What the administration pages show and send: users and roles, consultations with
//! their response tracking, the outbox, sheet-import previews and the audit log.

use crate::i18n::Key;
use crate::model::{
    BodyId, ConsultationId, DraftId, ItemId, MailId, OpenLinkId, SectionId, UserId,
};
use serde::{Deserialize, Serialize};

/// What a signed-in user may do. Checked on the server for every page and action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including users and the audit log.
    Admin,
    /// Creates and runs consultations.
    Manager,
    /// Reads consultations and reports; changes nothing (e.g. the committee secretary).
    Viewer,
    /// A school's or daycare's leader: sees only the units assigned to them, each
    /// beside the whole municipality, for the MED committee and the board.
    Leader,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Manager, Role::Viewer, Role::Leader];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Manager => "manager",
            Self::Viewer => "viewer",
            Self::Leader => "leader",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    pub fn label(self) -> Key {
        match self {
            Self::Admin => Key::RoleAdmin,
            Self::Manager => Key::RoleManager,
            Self::Viewer => Key::RoleViewer,
            Self::Leader => Key::RoleLeader,
        }
    }

    /// Creating, editing, opening, importing and sending.
    pub fn can_run_consultations(self) -> bool {
        matches!(self, Self::Admin | Self::Manager)
    }

    /// Users and the audit log.
    pub fn can_administer(self) -> bool {
        self == Self::Admin
    }

    /// Every consultation, report, memo and export. A leader reads only their own
    /// units' pages, through [`crate::backend`]'s unit check.
    pub fn reads_everything(self) -> bool {
        self != Self::Leader
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserView {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// A staff account as its administrator sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffAccount {
    pub user: UserView,
    pub disabled: bool,
    /// Sessions that have not timed out.
    pub sessions: i64,
    pub created: String,
    pub last_sign_in: Option<String>,
    /// A leader's units (none for the other roles).
    pub units: Vec<String>,
}

/// The signed-in user (if any) and what a rejected form posted, for the page frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub user: Option<UserView>,
    pub echo: Option<FormEcho>,
    /// There was a session and it timed out (not: there was none).
    pub expired: bool,
}

/// A rejected administration form: what was typed (so nothing is lost) and why it was
/// refused. Rendered into the page by the server and carried into hydration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    pub form: String,
    pub values: Vec<(String, String)>,
    pub problems: Vec<Problem>,
}

impl FormEcho {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a field posted more than once (ticked checkboxes).
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.values
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One thing wrong with an input, said in the user's language with `arg` filled in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// The form field, or the sheet row number (1-based, as in Excel).
    pub field: String,
    pub msg: Msg,
    pub arg: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, msg: Msg) -> Self {
        Self {
            field: field.into(),
            msg,
            arg: String::new(),
        }
    }

    pub fn with(field: impl Into<String>, msg: Msg, arg: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            msg,
            arg: arg.into(),
        }
    }
}

macro_rules! messages {
    ($($msg:ident => $key:ident,)*) => {
        /// Outcomes and problems of administration actions; each has its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum Msg { $($msg),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$msg),*];

            pub fn key(self) -> Key {
                match self { $(Msg::$msg => Key::$key),* }
            }

            /// The short code used in a redirect's query (`?besked=created`).
            pub fn code(self) -> &'static str {
                match self { $(Msg::$msg => stringify!($msg)),* }
            }

            pub fn from_code(code: &str) -> Option<Msg> {
                Self::ALL.iter().copied().find(|m| m.code() == code)
            }
        }
    };
}

messages! {
    BadCredentials => MsgBadCredentials,
    Throttled => MsgThrottled,
    SessionExpired => MsgSessionExpired,
    SignedOut => MsgSignedOut,
    TitleMissing => MsgTitleMissing,
    TooLong => MsgTooLong,
    DeadlineInvalid => MsgDeadlineInvalid,
    DeadlinePast => MsgDeadlinePast,
    NumberInvalid => MsgNumberInvalid,
    NameMissing => MsgNameMissing,
    GroupMissing => MsgGroupMissing,
    EmailMissing => MsgEmailMissing,
    EmailInvalid => MsgEmailInvalid,
    DuplicateBody => MsgDuplicateBody,
    TextMissing => MsgTextMissing,
    SectionMissing => MsgSectionMissing,
    DuplicateCode => MsgDuplicateCode,
    UnknownType => MsgUnknownType,
    OptionsMissing => MsgOptionsMissing,
    OptionsNotAllowed => MsgOptionsNotAllowed,
    DuplicateOption => MsgDuplicateOption,
    NotYesNo => MsgNotYesNo,
    ConditionUnreadable => MsgConditionUnreadable,
    ConditionUnknownItem => MsgConditionUnknownItem,
    ConditionNotChoice => MsgConditionNotChoice,
    ConditionUnknownOption => MsgConditionUnknownOption,
    MaxInvalid => MsgMaxInvalid,
    MaxNotAllowed => MsgMaxNotAllowed,
    ConditionOneQuestion => MsgConditionOneQuestion,
    ConditionNotEarlier => MsgConditionNotEarlier,
    ConditionStillUsed => MsgConditionStillUsed,
    MoveBreaksCondition => MsgMoveBreaksCondition,
    SurveyCreated => MsgSurveyCreated,
    SurveyOpened => MsgSurveyOpened,
    SurveyReopened => MsgSurveyReopened,
    SurveyClosed => MsgSurveyClosed,
    QuestionAdded => MsgQuestionAdded,
    QuestionRemoved => MsgQuestionRemoved,
    DanishIsMain => MsgDanishIsMain,
    LanguageTagInvalid => MsgLanguageTagInvalid,
    LanguageSaved => MsgLanguageSaved,
    LanguageTagUnknown => MsgLanguageTagUnknown,
    TranslatedOptions => MsgTranslatedOptions,
    UnitMissing => MsgUnitMissing,
    UnitsOnlyForLeaders => MsgUnitsOnlyForLeaders,
    UnitAlreadyAssigned => MsgUnitAlreadyAssigned,
    UnitAssigned => MsgUnitAssigned,
    UnitRemoved => MsgUnitRemoved,
    TargetNumber => MsgTargetNumber,
    TargetRange => MsgTargetRange,
    TargetKind => MsgTargetKind,
    TargetNoItemFits => MsgTargetNoItemFits,
    TargetSaved => MsgTargetSaved,
    TargetRemoved => MsgTargetRemoved,
    OpenLinkExists => MsgOpenLinkExists,
    OpenLinkCreated => MsgOpenLinkCreated,
    PasswordShort => MsgPasswordShort,
    PasswordCommon => MsgPasswordCommon,
    EmailTaken => MsgEmailTaken,
    RoleInvalid => MsgRoleInvalid,
    FileMissing => MsgFileMissing,
    FileTooLarge => MsgFileTooLarge,
    FileUnreadable => MsgFileUnreadable,
    FormulaWithoutValue => MsgFormulaWithoutValue,
    FileEmpty => MsgFileEmpty,
    TooManyRows => MsgTooManyRows,
    TooManyColumns => MsgTooManyColumns,
    UnpackedTooLarge => MsgUnpackedTooLarge,
    ColumnMissing => MsgColumnMissing,
    NotDraft => MsgNotDraft,
    AlreadyOpen => MsgAlreadyOpen,
    NotOpenedYet => MsgNotOpenedYet,
    NotOpen => MsgNotOpen,
    NoBodies => MsgNoBodies,
    NoItems => MsgNoItems,
    ItemAnswered => MsgItemAnswered,
    Created => MsgCreated,
    Saved => MsgSaved,
    Opened => MsgOpened,
    Closed => MsgClosed,
    Reopened => MsgReopened,
    Duplicated => MsgDuplicated,
    Imported => MsgImported,
    ImportDiscarded => MsgImportDiscarded,
    BodyAdded => MsgBodyAdded,
    BodyRemoved => MsgBodyRemoved,
    BodyChanged => MsgBodyChanged,
    InvitationQueued => MsgInvitationQueued,
    LinkReplaced => MsgLinkReplaced,
    RemindersQueued => MsgRemindersQueued,
    NobodyToRemind => MsgNobodyToRemind,
    ItemAdded => MsgItemAdded,
    ItemRemoved => MsgItemRemoved,
    ItemMoved => MsgItemMoved,
    UserAdded => MsgUserAdded,
    RoleChanged => MsgRoleChanged,
    UserDisabled => MsgUserDisabled,
    UserEnabled => MsgUserEnabled,
    SessionsEnded => MsgSessionsEnded,
    PasswordReset => MsgPasswordReset,
    PasswordChanged => MsgPasswordChanged,
    PasswordWrong => MsgPasswordWrong,
    PasswordMismatch => MsgPasswordMismatch,
    LastAdmin => MsgLastAdmin,
    NotYourself => MsgNotYourself,
    ContactsPurged => MsgContactsPurged,
    NoteSaved => MsgNoteSaved,
    SeriesUnknown => MsgSeriesUnknown,
    SeriesDuplicateCode => MsgSeriesDuplicateCode,
    SeriesHoldsSurveys => MsgSeriesHoldsSurveys,
    SeriesHoldsHearings => MsgSeriesHoldsHearings,
    SeriesExists => MsgSeriesExists,
    SeriesSaved => MsgSeriesSaved,
    SeriesLeft => MsgSeriesLeft,
    SeriesMissing => MsgSeriesMissing,
    SeriesQuestionsSaved => MsgSeriesQuestionsSaved,
    PeriodExists => MsgPeriodExists,
    PeriodCreated => MsgPeriodCreated,
    GuidepostAdded => MsgGuidepostAdded,
    GuidepostSaved => MsgGuidepostSaved,
    NarrativeSaved => MsgNarrativeSaved,
    TagTooLong => MsgTagTooLong,
    TooManyTags => MsgTooManyTags,
    ThemesSaved => MsgThemesSaved,
    TooManyCodes => MsgTooManyCodes,
    NotASurvey => MsgNotASurvey,
    CodeNotInSurvey => MsgCodeNotInSurvey,
    CodesMissing => MsgCodesMissing,
    QuoteEmptyPart => MsgQuoteEmptyPart,
    QuoteNotInStory => MsgQuoteNotInStory,
    QuoteSaved => MsgQuoteSaved,
    QuoteRemoved => MsgQuoteRemoved,
    StoriesOnlyInDraft => MsgStoriesOnlyInDraft,
    PeriodEmpty => MsgPeriodEmpty,
    StoriesAlreadyAsked => MsgStoriesAlreadyAsked,
    StoriesAsked => MsgStoriesAsked,
}

impl Msg {
    /// The outcome as a survey words it (a survey asks questions of participants; see
    /// `Key::for_kind`); a message without a survey wording is itself.
    pub fn for_kind(self, survey: bool) -> Msg {
        match (survey, self) {
            (true, Msg::Created) => Msg::SurveyCreated,
            (true, Msg::Opened) => Msg::SurveyOpened,
            (true, Msg::Reopened) => Msg::SurveyReopened,
            (true, Msg::Closed) => Msg::SurveyClosed,
            (true, Msg::ItemAdded) => Msg::QuestionAdded,
            (true, Msg::ItemRemoved) => Msg::QuestionRemoved,
            (_, msg) => msg,
        }
    }
}

/// A consultation in the overview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsultationSummary {
    pub id: ConsultationId,
    pub title: String,
    pub status: crate::model::ConsultationStatus,
    pub deadline: String,
    pub invited: i64,
    pub submitted: i64,
}

/// The start page of whoever signed in: the staff's list of every consultation, or
/// a leader's own units in the consultations that cover them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Home {
    Staff(Vec<ConsultationSummary>),
    Leader(LeaderHome),
}

/// A leader's units, and one row per consultation and unit of theirs it covers,
/// newest first, a page at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeaderHome {
    pub units: Vec<String>,
    pub rows: Vec<LeaderRow>,
    pub page: crate::model::listing::PageInfo,
}

/// One of a leader's units in one consultation, with the unit's response rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeaderRow {
    pub consultation_id: ConsultationId,
    pub title: String,
    pub survey: bool,
    pub status: crate::model::ConsultationStatus,
    pub deadline: String,
    pub unit: String,
    pub invited: i64,
    pub submitted: i64,
}

/// Where a consulted body is with its response; ordered as a body moves through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BodyState {
    NotOpened,
    Opened,
    Draft,
    Submitted,
}

impl BodyState {
    /// Every state, in the order a body moves through them.
    pub const ALL: [Self; 4] = [Self::NotOpened, Self::Opened, Self::Draft, Self::Submitted];

    /// The stored word (`respondent.state`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotOpened => "not_opened",
            Self::Opened => "opened",
            Self::Draft => "draft",
            Self::Submitted => "submitted",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    pub fn label(self) -> Key {
        match self {
            Self::NotOpened => Key::BodyNotOpened,
            Self::Opened => Key::BodyOpened,
            Self::Draft => Key::BodyDraft,
            Self::Submitted => Key::BodySubmitted,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyStatus {
    pub id: BodyId,
    pub name: String,
    pub group: String,
    pub unit: String,
    pub emails: Vec<String>,
    pub state: BodyState,
    /// When it reached that state, formatted.
    pub since: String,
    pub invited_at: Option<String>,
    pub reminded_at: Option<String>,
    /// A mail to this body that failed for good, with the server's answer.
    pub mail_failure: Option<String>,
    /// A mail to this body still waiting to be sent.
    pub mail_pending: bool,
}

/// Invited and answered, for one group or unit (or all).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub name: String,
    pub invited: i64,
    pub submitted: i64,
}

impl Rate {
    /// Whole per cent, rounded half up; 0 when nobody was invited.
    pub fn percent(&self) -> i64 {
        if self.invited == 0 {
            0
        } else {
            (self.submitted * 200 + self.invited) / (self.invited * 2)
        }
    }
}

/// How far the mails of a consultation have got.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendProgress {
    pub total: i64,
    pub sent: i64,
    pub failed: i64,
    /// Waiting after a transient failure (the server was unreachable or said "later").
    pub retrying: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminItem {
    pub id: ItemId,
    pub code: String,
    pub text: String,
    /// How many responses hold an answer or comment to it (such items stay).
    pub answered: i64,
    pub kind: super::ItemKind,
    pub required: bool,
    /// Asked only when item `.0` is answered with one of `.1`.
    pub show_if: Option<(ItemId, Vec<String>)>,
    /// (language tag, text, options) in each further language it is translated into.
    pub translations: Vec<(String, String, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminSection {
    pub id: SectionId,
    pub title: String,
    pub items: Vec<AdminItem>,
}

/// One consultation as its administration page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminConsultation {
    pub id: ConsultationId,
    pub survey: bool,
    /// A survey's open links, one per unit (filled in by the server function, which
    /// knows the deployment's address).
    pub open_links: Vec<OpenLinkInfo>,
    /// A survey's further languages (filled in by the server function, as above).
    pub languages: Vec<LanguageInfo>,
    /// Its series and how its items stand against the edition before (filled in by
    /// the server function).
    pub series: Option<crate::model::series::SeriesPanel>,
    /// The periods of guideposts a draft can ask learning stories for (filled in by
    /// the server function).
    pub periods: Vec<(crate::model::PeriodId, String)>,
    pub title: String,
    pub intro_md: String,
    /// The intro rendered from Markdown, with any HTML in it escaped.
    pub intro_html: String,
    pub status: crate::model::ConsultationStatus,
    /// `YYYY-MM-DD HH:MM`, Copenhagen time, for the input.
    pub deadline_input: String,
    pub deadline: String,
    pub sender_name: String,
    pub contact_text: String,
    pub reminder_days: Option<i64>,
    pub sections: Vec<AdminSection>,
    /// One page of the bodies, as `body_query` asks.
    pub bodies: Vec<BodyStatus>,
    pub body_query: crate::model::listing::BodyQuery,
    pub body_page: crate::model::listing::PageInfo,
    pub overall: Rate,
    pub groups: Vec<Rate>,
    pub units: Vec<Rate>,
    pub progress: SendProgress,
    pub may_edit: bool,
}

/// One further language of a survey, as the administration sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageInfo {
    /// The BCP 47 tag, and the language's name in itself.
    pub tag: String,
    pub name: String,
    pub title: String,
    pub intro: String,
    /// Items with a translated text, of all items.
    pub items: i64,
    pub of: i64,
}

/// One open link as the administration sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenLinkInfo {
    pub id: OpenLinkId,
    pub group_name: String,
    pub unit: String,
    /// The whole link, as printed on the poster.
    pub url: String,
    pub access_code: String,
    /// Answers started through the link, and of those submitted.
    pub started: i64,
    pub answered: i64,
}

/// A survey's posters for print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posters {
    pub consultation_id: ConsultationId,
    pub title: String,
    pub deadline: String,
    pub posters: Vec<Poster>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poster {
    pub link: OpenLinkInfo,
    /// The link's QR code, an `<svg>` drawn on the server.
    pub qr_svg: String,
}

/// A mail in the outbox, as the administrator's outbox page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: MailId,
    pub kind: String,
    pub recipients: String,
    pub subject: String,
    pub created: String,
    pub state: MailState,
    pub attempts: i64,
    pub last_error: String,
    pub body_text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailState {
    Pending,
    Retrying,
    Sent,
    Failed,
}

impl MailState {
    pub fn label(self) -> Key {
        match self {
            Self::Pending => Key::MailPending,
            Self::Retrying => Key::MailRetrying,
            Self::Sent => Key::MailSent,
            Self::Failed => Key::MailFailed,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub progress: SendProgress,
    /// One page of the mails, newest first.
    pub rows: Vec<OutboxRow>,
    pub page: crate::model::listing::PageInfo,
    /// Where the development transport writes its `.eml` files, if it is in use.
    pub file_folder: Option<String>,
}

/// A parsed sheet awaiting confirmation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub draft_id: DraftId,
    pub consultation_id: ConsultationId,
    pub consultation_title: String,
    pub file_name: String,
    /// The first rows of the sheet ([`PREVIEW_ROWS`] at most) …
    pub bodies: Vec<BodyRow>,
    pub items: Vec<ItemRow>,
    /// … of this many in all.
    pub rows: usize,
    /// The first problems ([`PREVIEW_PROBLEMS`] at most) …
    pub problems: Vec<Problem>,
    /// … of this many in all.
    pub problem_count: usize,
}

/// Rows of a sheet the import preview shows: enough to see that the columns were
/// understood; all of them are saved.
pub const PREVIEW_ROWS: usize = 50;
/// Problems the import preview lists; each must be mended in the sheet anyway.
pub const PREVIEW_PROBLEMS: usize = 100;

/// A consulted body read from a sheet row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyRow {
    pub row: usize,
    pub name: String,
    pub group: String,
    pub unit: String,
    pub emails: Vec<String>,
}

/// An item read from a sheet row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemRow {
    pub row: usize,
    pub section: String,
    pub code: String,
    pub text: String,
    /// From the `type` column (with `svarmuligheder`); `None` where the sheet says
    /// nothing: the consultation's own scale.
    pub kind: Option<super::ItemKind>,
    /// From the `obligatorisk` column.
    pub required: bool,
    /// From the `vis_hvis` column (`3=Skole|Dagtilbud`): shown only when item `3`,
    /// an earlier choice item, is answered with one of the options.
    #[serde(default)]
    pub show_if: Option<ShowIf>,
    /// From the `tekst_<sprog>`, `svarmuligheder_<sprog>` and `område_<sprog>` columns.
    #[serde(default)]
    pub translations: Vec<ItemTranslation>,
}

/// An imported item in one further language (a BCP 47 tag); an empty text or section
/// reads as the Danish one, options are given for all or none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemTranslation {
    pub lang: String,
    pub section: String,
    pub text: String,
    pub options: Vec<String>,
}

/// An imported item's condition: the deciding item's code and the options (as the
/// deciding item spells them) that show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShowIf {
    pub code: String,
    pub any_of: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub user: String,
    pub action: String,
    pub consultation: Option<ConsultationId>,
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_grant_what_they_should() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert!(Role::Manager.can_run_consultations());
        assert!(!Role::Viewer.can_run_consultations());
        assert!(!Role::Manager.can_administer());
        assert!(Role::Viewer.reads_everything());
        assert!(!Role::Leader.reads_everything());
        assert!(!Role::Leader.can_run_consultations());
    }

    #[test]
    fn message_codes_round_trip() {
        for msg in Msg::ALL {
            assert_eq!(Msg::from_code(msg.code()), Some(*msg));
        }
    }

    #[test]
    fn rates_round_half_up_and_survive_zero() {
        let rate = |invited, submitted| Rate {
            name: String::new(),
            invited,
            submitted,
        };
        assert_eq!(rate(0, 0).percent(), 0);
        assert_eq!(rate(3, 1).percent(), 33);
        assert_eq!(rate(8, 1).percent(), 13);
        assert_eq!(rate(2, 1).percent(), 50);
        assert_eq!(rate(4, 4).percent(), 100);
    }
}
