//! The one place user-facing text comes from. Danish is the default; English is
//! complete, because the `texts!` table cannot compile with a language missing.
//! Arabic covers the respondent's pages (the survey, its receipt, the open link and
//! the pages a link can end on) — a test holds it to that — and reads English for the
//! administration's pages, which are in Danish or English.
//!
//! Texts with parameters use `{name}` placeholders filled by [`Lang::fill`].

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Da,
    En,
    Ar,
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "samrad_lang";

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Da, Lang::En, Lang::Ar];

    /// The BCP 47 tag, for `<html lang>` and the language switch.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// The chrome for a language tag: ours where we have it, English for any other
    /// well-formed tag (a survey translated into Somali has English buttons).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        crate::model::LangTag::parse(tag).map(|t| t.chrome())
    }

    /// `rtl` for Arabic, `ltr` otherwise.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    pub fn t(self, key: Key) -> &'static str {
        key.text(self)
    }

    /// A text with its `{name}` placeholders replaced, in one pass: a value is put in
    /// as it is (a comment holding `{max}` stays so), and a placeholder without a value
    /// is left standing. The respondent's page fills a few texts per proposal.
    pub fn fill(self, key: Key, args: &[(&str, &str)]) -> String {
        let mut rest = key.text(self);
        let values: usize = args.iter().map(|(_, value)| value.len()).sum();
        let mut text = String::with_capacity(rest.len() + values);
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let named = after.find('}').and_then(|close| {
                let name = &after[..close];
                let (_, value) = args.iter().find(|(n, _)| *n == name)?;
                Some((close, *value))
            });
            match named {
                Some((close, value)) => {
                    text.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        text
    }

    /// A whole number with the language's thousands separator (5.000 / 5,000).
    /// `x` with `places` decimals and the language's decimal mark: 3,7 / 3.7.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let text = format!("{x:.places$}");
        match self {
            Lang::Da => text.replace('.', ","),
            Lang::En | Lang::Ar => text,
        }
    }

    pub fn number(self, n: usize) -> String {
        let sep = match self {
            Lang::Da => '.',
            Lang::En | Lang::Ar => ',',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(ch);
        }
        out
    }

    pub fn weekday(self, index_from_monday: usize) -> &'static str {
        const DA: [&str; 7] = [
            "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        ];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        const AR: [&str; 7] = [
            "الاثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "الأحد",
        ];
        match self {
            Lang::Da => DA[index_from_monday % 7],
            Lang::En => EN[index_from_monday % 7],
            Lang::Ar => AR[index_from_monday % 7],
        }
    }

    pub fn month(self, index_from_january: usize) -> &'static str {
        const DA: [&str; 12] = [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const AR: [&str; 12] = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ];
        match self {
            Lang::Da => DA[index_from_january % 12],
            Lang::En => EN[index_from_january % 12],
            Lang::Ar => AR[index_from_january % 12],
        }
    }
}

macro_rules! texts {
    (
        respondent { $($key:ident => $da:expr, $en:expr;)* }
        admin { $($admin_key:ident => $admin_da:expr, $admin_en:expr;)* }
    ) => {
        /// Every user-facing text, by what it is for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* $($admin_key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)* $(Key::$admin_key),*];

            /// The keys whose texts the respondent's bundle holds.
            pub const RESPONDENT: &'static [Key] = &[$(Key::$key),*];

            /// The text in `lang`. In the respondent's bundle (without `admin-ui`) the
            /// administration's texts are left out (21 kB of its wasm, compressed): they
            /// read as empty there, and no file compiled into it names them.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$key, Lang::Da) => $da, (Key::$key, Lang::En) => $en,)*
                    $(
                        #[cfg(feature = "admin-ui")]
                        (Key::$admin_key, Lang::Da) => $admin_da,
                        #[cfg(feature = "admin-ui")]
                        (Key::$admin_key, Lang::En) => $admin_en,
                    )*
                    (key, Lang::Ar) => arabic(key).unwrap_or_else(|| key.text(Lang::En)),
                    #[cfg(not(feature = "admin-ui"))]
                    _ => "",
                }
            }
        }
    };
}

impl Key {
    /// The key as a survey words it: people answer a survey, each for themselves, so
    /// the administration's pages say "deltager" and "spørgsmål" where a hearing says
    /// "høringspart" and "forslag". A key without a survey wording is itself.
    pub fn for_kind(self, survey: bool) -> Key {
        if !survey {
            return self;
        }
        match self {
            Key::AddBodiesTitle => Key::SurveyAddBodiesTitle,
            Key::AddOneBody => Key::SurveyAddOneBody,
            Key::BodyLabel => Key::SurveyBodyLabel,
            Key::BodySheetHint => Key::SurveyBodySheetHint,
            Key::NoBodiesMatch => Key::SurveyNoBodiesMatch,
            Key::OpenAndInvite => Key::SurveyOpenAndInvite,
            Key::ItemsTitle => Key::SurveyItemsTitle,
            Key::AddItem => Key::SurveyAddItem,
            Key::SectionLabel => Key::SurveySectionLabel,
            Key::ItemSheetHint => Key::SurveyItemSheetHint,
            Key::ImportItems => Key::SurveyImportItems,
            Key::CloseNow => Key::SurveyCloseNow,
            Key::Duplicate => Key::SurveyDuplicate,
            other => other,
        }
    }
}

texts! {
    // Texts the respondent's bundle holds: every key the pages and components that are
    // compiled into it name (a test holds the list to them).
    respondent {
        AppName => "Samråd", "Samråd";
        ErrorPrefix => "Fejl", "Error";
        LockedAnswered => "Tak for dit svar. Det er gemt anonymt og er ikke længere knyttet til dit link, så det kan hverken ses eller rettes – heller ikke af dig.", "Thank you for your answer. It is stored anonymously and no longer tied to your link, so it cannot be seen or changed – not even by you.";
        AnonymityTitle => "Dine svar er anonyme", "Your answers are anonymous";
        AnonymityText => "Forvaltningen kan se, at du har svaret, men aldrig hvad du har svaret. Når du indsender, gemmes svarene uden forbindelse til dig eller dit link, og tal vises kun for grupper med mindst {k} svar. Fritekst vises uden navn og enhed, men skriv ikke noget, der afslører, hvem du er.", "The administration can see that you have answered, never what you answered. When you submit, the answers are stored with no connection to you or your link, and figures are shown only for groups with at least {k} answers. Free text is shown without name or unit, but do not write anything that reveals who you are.";
        AnonymousActionsHint => "Kladden gemmes, så du kan vende tilbage via dit link. Anonyme svar kan ikke rettes efter indsendelse.", "The draft is saved so you can come back through your link. Anonymous answers cannot be changed after they are submitted.";
        SurveyEyebrow => "Spørgeskema", "Questionnaire";
        SurveyDeadlineLabel => "Svarfrist", "Deadline";
        NpsLow => "0 = Slet ikke sandsynligt", "0 = Not at all likely";
        NpsHigh => "10 = Meget sandsynligt", "10 = Extremely likely";
        ReceiptAnonymousTitle => "Tak for dit svar", "Thank you for your answer";
        A11yTitle => "Tilgængeligheds\u{ad}erklæring", "Accessibility statement";
        A11yIntro => "Samråd skal kunne bruges af alle, også med skærmlæser, tastatur alene, forstørrelse eller på en lille telefon. Her står, hvilken standard vi følger, hvordan vi har testet, hvad vi ved ikke virker endnu, og hvordan I fortæller os om et problem.", "Samråd must be usable by everyone, also with a screen reader, the keyboard alone, magnification or on a small phone. This page says which standard we follow, how we tested, what we know does not work yet, and how to tell us about a problem.";
        A11yStandardTitle => "Standard", "Standard";
        A11yStandard => "Løsningen følger webtilgængelighedsloven (lov nr. 692 af 8. juni 2018) og dermed standarden EN 301 549, som svarer til WCAG 2.1 på niveau AA. Både siderne, hvor I afgiver svar, og forvaltningens sider er omfattet.", "The service follows the Danish web accessibility act (act no. 692 of 8 June 2018) and thereby the standard EN 301 549, which corresponds to WCAG 2.1 level AA. Both the pages where you answer and the administration's pages are covered.";
        A11yTestedTitle => "Sådan har vi testet", "How we tested";
        A11yTested => "Hver side testes automatisk med axe-core efter WCAG 2.1 A og AA, på en telefonskærm (390 px) og en computerskærm (1280 px), hver gang løsningen ændres. Svarsiden afprøves desuden med tastatur alene (Tab, piletaster, mellemrum og Enter), med og uden JavaScript, ved 320 px bredde og ved 200 % forstørrelse.\n\nSiderne er også gennemgået manuelt efter WCAG 2.1 AA: sidetitler, sprog, fokusrækkefølge og synligt fokus, fejlbeskeder, der peger på feltet, og tabeller, der kan læses på en telefon.", "Every page is tested automatically with axe-core against WCAG 2.1 A and AA, on a phone screen (390 px) and a desktop screen (1280 px), whenever the service changes. The answering page is also tried with the keyboard alone (Tab, arrow keys, space and Enter), with and without JavaScript, at 320 px width and at 200 % zoom.\n\nThe pages have also been reviewed by hand against WCAG 2.1 AA: page titles, language, focus order and visible focus, error messages that point at their field, and tables that can be read on a phone.";
        A11yLimitsTitle => "Kendte begrænsninger", "Known limitations";
        A11yLimits => "Høringens egne tekster (forslag og indledning) skrives af forvaltningen og findes kun på dansk; på de engelske sider er de markeret som dansk, så skærmlæsere læser dem med dansk udtale.\n\nHøringsnotatet er lavet til udskrift på A4 og er bredt på små skærme.", "The hearing's own texts (proposals and introduction) are written by the administration and exist in Danish only; on the English pages they are marked as Danish, so screen readers read them with Danish pronunciation.\n\nThe hearing memo is made for printing on A4 and is wide on small screens.";
        A11yReportTitle => "Fortæl os om et problem", "Tell us about a problem";
        A11yReport => "Kan I ikke bruge en side, eller mangler der noget, så skriv til den forvaltning, der har sendt jer linket (afsenderen af jeres invitation), og beskriv siden og problemet. I får svar inden for 14 dage, og indtil problemet er løst, kan I afgive jeres svar på anden vis, fx pr. mail.\n\nEr I ikke tilfredse med svaret, kan I klage til Digitaliseringsstyrelsen, der fører tilsyn med webtilgængelighed i den offentlige sektor.", "If you cannot use a page, or something is missing, write to the administration that sent you the link (the sender of your invitation) and describe the page and the problem. You will get an answer within 14 days, and until the problem is solved you can give your response another way, e.g. by e-mail.\n\nIf you are not satisfied with the answer, you can complain to the Agency for Digital Government, which supervises web accessibility in the public sector.";
        TitleResponse => "Høringssvar – {body}", "Consultation response – {body}";
        SkipToContent => "Spring til indholdet", "Skip to content";
        LanguageSwitch => "English", "Dansk";
        LanguageLabel => "Sprog", "Language";
        HomeTitle => "Høringer og undersøgelser", "Hearings and surveys";
        HomeText => "Høringsparter besvarer høringer via det personlige link i den e-mail, de har fået fra forvaltningen.",
            "Consulted bodies answer hearings through the personal link in the e-mail they received from the administration.";
        NotFoundTitle => "Siden findes ikke", "Page not found";
        NotFoundText => "Tjek adressen, eller brug linket fra jeres e-mail.", "Check the address, or use the link from your e-mail.";
        InvalidLinkTitle => "Linket virker ikke", "This link does not work";
        InvalidLinkText => "Linket er ugyldigt eller ikke længere aktivt. Tjek, at hele linket fra e-mailen er med. Kontakt forvaltningen, hvis I stadig ikke kan komme ind.",
            "The link is invalid or no longer active. Check that the whole link from the e-mail was used. Contact the administration if you still cannot get in.";
        ServerError => "Der opstod en fejl hos os, og intet er ændret. Prøv igen om lidt.",
            "Something went wrong on our side, and nothing was changed. Please try again shortly.";
        ResponseFrom => "Høringssvar fra", "Response from";
        DeadlineLabel => "Høringsfrist", "Deadline";
        Progress => "{done} af {total} besvaret", "{done} of {total} answered";
        JumpToUnanswered => "Til første ubesvarede", "To first unanswered";
        AllAnswered => "Alle forslag er besvaret.", "All proposals are answered.";
        Agree => "Enig", "Agree";
        Disagree => "Uenig", "Disagree";
        DontKnow => "Ved ikke", "Don't know";
        NotAnswered => "Ikke besvaret", "Not answered";
        Likert5 => "Helt enig", "Strongly agree";
        Likert4 => "Enig", "Agree";
        Likert3 => "Hverken enig eller uenig", "Neither agree nor disagree";
        Likert2 => "Uenig", "Disagree";
        Likert1 => "Helt uenig", "Strongly disagree";
        ProposalNo => "Forslag {code}", "Proposal {code}";
        QuestionNo => "Spørgsmål {code}", "Question {code}";
        RequiredMark => "(skal besvares)", "(required)";
        ErrRequired => "Dette spørgsmål skal besvares, før du kan indsende.", "This question must be answered before you can submit.";
        CommentLabel => "Kommentar til forslag {code} (valgfri)", "Comment on proposal {code} (optional)";
        CommentLimit => "Højst {max} tegn.", "At most {max} characters.";
        GeneralCommentTitle => "Generel kommentar", "General comment";
        GeneralCommentLabel => "Bemærkninger til høringen som helhed (valgfri)", "Remarks on the hearing as a whole (optional)";
        SaveDraft => "Gem kladde", "Save draft";
        Submit => "Indsend", "Submit";
        SubmitAnyway => "Indsend alligevel", "Submit anyway";
        FormNext => "Næste", "Next";
        FormBack => "Tilbage", "Back";
        AnswerThemFirst => "Besvar dem først", "Answer them first";
        ActionsHint => "Kladden kan ses og rettes af alle, der har linket. Indsendte svar kan rettes frem til høringsfristen.",
            "Everyone with the link can see and edit the draft. Submitted answers can be changed until the deadline.";
        SaveIdle => "Gemmes løbende", "Saved as you go";
        Saving => "Gemmer …", "Saving …";
        Saved => "Gemt", "Saved";
        NotSaved => "Ikke gemt – prøv igen", "Not saved – try again";
        TryAgain => "Prøv igen", "Try again";
        StatusDraft => "Ikke indsendt endnu.", "Not submitted yet.";
        StatusSubmitted => "Indsendt {date} (indsendelse nr. {n}).", "Submitted {date} (submission no. {n}).";
        UnsubmittedChanges => "Der er gemte ændringer, som ikke er indsendt. Husk at indsende igen.",
            "There are saved changes that have not been submitted. Remember to submit again.";
        NoticeSaved => "Kladden er gemt. I kan vende tilbage via samme link.", "The draft is saved. You can come back through the same link.";
        NoticeMerged => "Gemt. Et andet medlem har imens ændret disse svar, og deres ændringer er bevaret:",
            "Saved. Another member changed these answers meanwhile, and their changes were kept:";
        NoticeConflict => "Ikke gemt: et andet medlem har ændret de samme svar, efter I åbnede siden. Se forskellene ved de markerede forslag, ret til, og gem igen.",
            "Not saved: another member changed the same answers after you opened the page. See the differences at the marked proposals, adjust, and save again.";
        NoticeInvalid => "Ikke gemt: ret de markerede felter og prøv igen. Intet er ændret.",
            "Not saved: correct the marked fields and try again. Nothing was changed.";
        NoticeRefused => "Ikke gemt: høringen tager ikke længere imod svar.", "Not saved: the hearing no longer accepts answers.";
        NoticeNotStored => "Ikke gemt: serveren kan ikke gemme lige nu, og intet er ændret. Dine svar står stadig her på siden — prøv igen om lidt.", "Not saved: the server cannot store anything just now, and nothing has changed. Your answers are still here on the page — try again in a little while.";
        ConfirmTitle => "{n} forslag er ikke besvaret", "{n} proposals are not answered";
        ConfirmText => "Et høringssvar må gerne have ubesvarede forslag. Svarene er gemt som kladde. Vil I indsende alligevel?",
            "A response may leave proposals unanswered. The answers are saved as a draft. Do you want to submit anyway?";
        ConflictTitle => "Et andet medlem har ændret dette svar", "Another member changed this answer";
        ConflictTheirs => "Deres svar: {value}", "Their answer: {value}";
        ConflictTheirComment => "Deres kommentar: {comment}", "Their comment: {comment}";
        ConflictYours => "Felterne viser jeres eget svar. Gem igen for at beholde det, eller ret det til.",
            "The fields show your own answer. Save again to keep it, or adjust it.";
        UpdatedByOther => "Opdateret af et andet medlem.", "Updated by another member.";
        UseTheirs => "Brug deres svar", "Use their answer";
        KeepMine => "Behold mit svar", "Keep my answer";
        ErrValueOutOfScale => "Vælg enig, uenig eller ved ikke.", "Choose agree, disagree or don't know.";
        ErrNotOffered => "Vælg et af de svar, der står ved spørgsmålet.", "Choose one of the answers shown with the question.";
        ErrTooManyChoices => "Der er valgt for mange. Vælg højst {max}.", "Too many are chosen. Choose at most {max}.";
        ChooseAtMost => "Vælg højst {max}.", "Choose at most {max}.";
        ErrCommentTooLong => "Kommentaren er på {chars} tegn. Den må højst være {max} tegn.",
            "The comment has {chars} characters. It may have at most {max} characters.";
        ErrTextTooLong => "Svaret er på {chars} tegn. Det må højst være {max} tegn.",
            "The answer has {chars} characters. It may have at most {max} characters.";
        ErrUnknownItem => "Formularen indeholdt et forslag, som ikke hører til denne høring. Genindlæs siden og prøv igen.",
            "The form contained a proposal that is not part of this hearing. Reload the page and try again.";
        ErrMalformed => "Formularen kunne ikke læses. Genindlæs siden og prøv igen.", "The form could not be read. Reload the page and try again.";
        LockedDeadline => "Høringsfristen er udløbet ({deadline}). Svarene kan ikke længere ændres.",
            "The deadline has passed ({deadline}). The answers can no longer be changed.";
        LockedClosed => "Høringen er lukket. Svarene kan ikke længere ændres.", "The hearing is closed. The answers can no longer be changed.";
        LockedNotOpen => "Høringen er ikke åbnet for svar endnu.", "The hearing is not open for answers yet.";
        ReceiptTitle => "Tak for jeres høringssvar", "Thank you for your response";
        ReceiptText => "Svaret fra {name} er indsendt {date} (indsendelse nr. {n}).", "The response from {name} was submitted {date} (submission no. {n}).";
        ReceiptEdit => "I kan rette og indsende igen frem til høringsfristen {deadline} via samme link.",
            "You can change and resubmit until the deadline {deadline} through the same link.";
        EditAnswers => "Ret svarene", "Change the answers";
        ReceiptSummary => "Jeres indsendte svar", "Your submitted answers";
        StandingBroad => "Bred opbakning", "Broad support";
        StandingContested => "Omstridt", "Contested";
        StandingOpposed => "Overvejende imod", "Mostly opposed";
        StandingNone => "Ingen har taget stilling", "No positions taken";
        RoleAdmin => "Administrator", "Administrator";
        RoleManager => "Sagsbehandler", "Manager";
        RoleViewer => "Læser", "Viewer";
        RoleLeader => "Leder", "Leader";
        MetricPositive => "Andel positive (%)", "Share positive (%)";
        MetricMean => "Gennemsnit (1–5)", "Mean (1–5)";
        MetricNps => "NPS (−100 til 100)", "NPS (−100 to 100)";
        TargetPositiveText => "≥ {n} % positive", "≥ {n}% positive";
        TargetMeanText => "gns. ≥ {n}", "mean ≥ {n}";
        TargetNpsText => "NPS ≥ {n}", "NPS ≥ {n}";
        TargetAbove => "Over målet", "Above target";
        TargetNear => "Tæt på målet", "Near target";
        TargetBelow => "Under målet", "Below target";
        StoryDid => "Hvad gjorde vi?", "What did we do?";
        StorySaw => "Hvad så vi?", "What did we see?";
        StoryLearned => "Hvad lærte vi?", "What did we learn?";
        PercentValue => "{n} %", "{n}%";
        MeasurePositive => "Andel positive", "Share positive";
        MeasureAgree => "Andel enige", "Share agreeing";
        MeasureNps => "NPS", "NPS";
        TrendUpPp => "Steget {n} procentpoint siden {since}", "Up {n} percentage points since {since}";
        TrendDownPp => "Faldet {n} procentpoint siden {since}", "Down {n} percentage points since {since}";
        TrendUpPoints => "Steget {n} point siden {since}", "Up {n} points since {since}";
        TrendDownPoints => "Faldet {n} point siden {since}", "Down {n} points since {since}";
        TrendShortPp => "{n} pp siden {since}", "{n} pp since {since}";
        TrendShortPoints => "{n} siden {since}", "{n} since {since}";
        TrendSame => "Uændret siden {since}", "Unchanged since {since}";
        BodyNotOpened => "Ikke åbnet", "Not opened";
        BodyOpened => "Åbnet", "Opened";
        BodyDraft => "Kladde", "Draft";
        BodySubmitted => "Indsendt", "Submitted";
        MailPending => "Venter", "Waiting";
        MailRetrying => "Prøves igen", "Retrying";
        MailSent => "Sendt", "Sent";
        MailFailed => "Fejlet", "Failed";
        OpenFor => "For {unit}", "For {unit}";
        OpenIntro => "Svarene gemmes uden navn og uden forbindelse til dig, og tal vises kun for grupper med mindst 5 svar. Du kan gemme undervejs og vende tilbage i den samme browser.", "The answers are stored without a name and with no connection to you, and figures are shown only for groups of at least 5 answers. You can save as you go and come back in the same browser.";
        OpenStart => "Start", "Start";
        OpenAgain => "Svar igen", "Answer again";
        OpenAnsweredBefore => "Der er allerede svaret fra denne browser. Vil du svare igen, fx for et andet barn?", "An answer has already been given from this browser. Do you want to answer again, e.g. for another child?";
        OpenCodeLabel => "Adgangskode fra plakaten", "Access code from the poster";
        OpenWrongCode => "Adgangskoden passer ikke. Den står på plakaten under QR-koden.", "The access code does not match. It is on the poster below the QR code.";
        OpenTooMany => "Der er startet mange svar fra denne adresse den seneste time. Prøv igen om en time.", "Many answers have been started from this address in the last hour. Please try again in an hour.";
        PageOf => "Side {n} af {pages}", "Page {n} of {pages}";
        Suppressed => "Færre end {k} svar", "Fewer than {k} responses";
    }
    // The administration's texts: on the server and in its bundle only.
    admin {
        SurveyAddBodiesTitle => "Tilføj deltagere", "Add participants";
        SurveyAddOneBody => "Tilføj én deltager", "Add one participant";
        SurveyBodyLabel => "Deltager", "Participant";
        SurveyBodySheetHint => "Kolonner: Navn, Gruppe (fx Pædagogisk personale), Institution og E-mail. CSV eller XLSX, højst 5 MB. Navn og e-mail bruges kun til invitationer og påmindelser; svarene gemmes uden dem.", "Columns: Name, Group (e.g. Teaching staff), Unit and E-mail. CSV or XLSX, at most 5 MB. Name and e-mail are used only for invitations and reminders; the answers are stored without them.";
        SurveyNoBodiesMatch => "Ingen deltagere passer til søgningen.", "No participants match the search.";
        SurveyOpenAndInvite => "Åbn undersøgelsen og send invitationer", "Open the survey and send invitations";
        SurveyItemsTitle => "Spørgsmål ({n})", "Questions ({n})";
        SurveyAddItem => "Tilføj spørgsmål", "Add question";
        SurveySectionLabel => "Område", "Area";
        SurveyItemSheetHint => "Kolonner: Område, Nr. og Spørgsmål; valgfrit type (likert5, nps, enkeltvalg, flervalg, tekst, enig_uenig), svarmuligheder (adskilt af |), højst, obligatorisk, vis_hvis (fx 3=Skole) og tekst_<sprog> (fx tekst_ar). CSV fra Excel eller XLSX, højst 5 MB.", "Columns: Area, No. and Question; optionally type (likert5, nps, enkeltvalg, flervalg, tekst, enig_uenig), svarmuligheder (separated by |), højst, obligatorisk, vis_hvis (e.g. 3=Skole) and tekst_<language> (e.g. tekst_ar). CSV from Excel or XLSX, at most 5 MB.";
        SurveyCloseNow => "Luk undersøgelsen nu", "Close the survey now";
        SurveyDuplicate => "Kopiér til ny undersøgelse", "Copy to a new survey";
        SurveyImportItems => "Importér spørgsmål fra regneark", "Import questions from a spreadsheet";
        MailGreeting => "Kære {name}", "Dear {name}";
        MailAnswerHere => "Svar via jeres personlige link:", "Answer through your personal link:";
        MailRegards => "Med venlig hilsen\n{sender}", "Kind regards\n{sender}";
        MailInvitationSubject => "Høring: {title}", "Consultation: {title}";
        MailInvitation => "I inviteres hermed til at afgive høringssvar i høringen »{title}«.", "You are invited to respond to the consultation “{title}”.";
        MailInvitationHow => "Linket er personligt for {name}, og alle i {name} kan bruge det samme link. I kan gemme en kladde og vende tilbage. Høringsfristen er {deadline}; indtil da kan svaret rettes og indsendes igen. Send ikke linket videre til andre.", "The link is personal to {name}, and everyone in {name} can use the same link. You can save a draft and come back. The deadline is {deadline}; until then the response can be edited and submitted again. Do not pass the link on to others.";
        MailReminderSubject => "Påmindelse: {title} – frist {deadline}", "Reminder: {title} – deadline {deadline}";
        MailReminder => "Vi har endnu ikke modtaget jeres høringssvar i høringen »{title}«. Høringsfristen er {deadline}.", "We have not yet received your response to the consultation “{title}”. The deadline is {deadline}.";
        MailReminderDraft => "Har I gemt en kladde, ligger den klar, når I åbner linket. Husk at trykke »Indsend«.", "If you saved a draft, it is there when you open the link. Remember to press “Submit”.";
        MailReceiptSubject => "Kvittering: jeres høringssvar til {title}", "Receipt: your response to {title}";
        MailReceipt => "Tak for jeres høringssvar til »{title}«. Det blev indsendt {at} (indsendelse nr. {n}).", "Thank you for your response to “{title}”. It was submitted {at} (submission no. {n}).";
        MailReceiptEdit => "I kan rette svaret og indsende igen frem til høringsfristen {deadline} via jeres personlige link.", "You can edit the response and submit again until the deadline {deadline} through your personal link.";
        MailReceiptAnswers => "Jeres indsendte svar:", "Your submitted answers:";
        MailReceiptAnonymousSubject => "Kvittering: dit svar til {title}", "Receipt: your answer to {title}";
        MailReceiptAnonymous => "Tak for dit svar til »{title}«. Svaret er gemt anonymt, uden forbindelse til dig eller dit link. Derfor står dine svar ikke i denne mail, og de kan ikke ses eller rettes, heller ikke af dig.", "Thank you for your answer to “{title}”. It is stored anonymously, with no connection to you or your link. That is why your answers are not in this e-mail, and they cannot be seen or changed, not even by you.";
        FigureSharePositive => "Andel positive (enig og helt enig): {p} %", "Share positive (agree and strongly agree): {p} %";
        FigureMean => "Gennemsnit (1–5): {mean}", "Mean (1–5): {mean}";
        FigureSharePositiveShort => "{p} % positive", "{p} % positive";
        FigureMeanShort => "gns. {mean}", "mean {mean}";
        FigureNpsShort => "NPS {score}", "NPS {score}";
        FigureNps => "NPS: {score} (anbefalere minus kritikere, i procent af svarene)", "NPS: {score} (promoters minus detractors, per cent of answers)";
        SurveyOverviewRule => "Tal vises kun, hvor mindst {k} har svaret; ellers står der »Færre end {k} svar«, og hvor én gruppe skjules, skjules også den næstmindste, så tallet ikke kan regnes ud. Svar via åbne links er ikke verificerede.", "Figures are shown only where at least {k} have answered; otherwise it says “Fewer than {k} responses”, and where one group is hidden, the next smallest is hidden too, so the figure cannot be worked out. Answers through open links are not verified.";
        RowNo => "Række {row}", "Row {row}";
        SignInFailed => "Du er ikke logget ind:", "You are not signed in:";
        AdminNotSaved => "Ikke gemt. Ret følgende, og prøv igen:", "Not saved. Correct the following and try again:";
        ForbiddenTitle => "Ingen adgang", "No access";
        ForbiddenText => "Din rolle giver ikke adgang til dette. Intet er ændret. Kontakt en administrator, hvis du skal have adgang.", "Your role does not allow this. Nothing was changed. Contact an administrator if you need access.";
        AdminNotFoundText => "Det, du leder efter, findes ikke (længere).", "What you are looking for does not exist (any more).";
        BackToOverview => "Til oversigten", "To the overview";
        SignInTitle => "Log ind", "Sign in";
        SignIn => "Log ind", "Sign in";
        SignOut => "Log ud", "Sign out";
        SignedInAs => "Du er logget ind som {name}.", "You are signed in as {name}.";
        EmailLabel => "E-mail", "E-mail";
        PasswordLabel => "Adgangskode", "Password";
        PasswordHint => "Mindst 10 tegn.", "At least 10 characters.";
        AdminMenu => "Administration", "Administration";
        NavConsultations => "Høringer", "Hearings";
        NavOutbox => "Udbakke", "Outbox";
        NavUsers => "Brugere", "Users";
        NavAudit => "Log", "Audit log";
        NoConsultations => "Der er ingen høringer endnu.", "There are no hearings yet.";
        NewConsultation => "Ny høring", "New hearing";
        TitleLabel => "Titel", "Title";
        StatusLabel => "Status", "Status";
        ResponseRate => "Svarprocent", "Response rate";
        RateText => "{submitted} af {invited} ({pct} %)", "{submitted} of {invited} ({pct}%)";
        DeadlineHint => "Skriv dato og klokkeslæt som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-01 12:00.", "Write date and time as YYYY-MM-DD HH:MM, e.g. 2027-03-01 12:00.";
        SourceLegend => "Indhold", "Content";
        SourceTemplate => "Skabelonen (udviklingsplan med 42 indsatser)", "The template (development plan with 42 proposals)";
        SourceStaffSurvey => "Trivselsundersøgelse for medarbejdere (anonym, 25 udsagn, eNPS og to åbne spørgsmål)", "Staff wellbeing survey (anonymous, 25 statements, eNPS and two open questions)";
        SourceParentSurvey => "Forældretilfredshed (anonym, 20 spørgsmål, til åbne links og plakater)", "Parent satisfaction (anonymous, 20 questions, for open links and posters)";
        SourceBlank => "Tom høring", "Blank hearing";
        SourceBlankSurvey => "Tom undersøgelse (anonym)", "Blank survey (anonymous)";
        SourceSurveySheet => "Undersøgelse fra regneark (anonym; kolonnerne type, svarmuligheder og obligatorisk bestemmer spørgsmålene)", "Survey from a spreadsheet (anonymous; the columns type, svarmuligheder and obligatorisk shape the questions)";
        SourceSheet => "Fra regneark (vælg filen herunder)", "From a spreadsheet (choose the file below)";
        SheetFileLabel => "Regneark (CSV eller XLSX)", "Spreadsheet (CSV or XLSX)";
        ItemSheetHint => "Kolonner: Indsatsområde, Nr. (valgfri) og Indsats. CSV fra Excel (semikolon) eller XLSX, højst 5 MB.", "Columns: Area, No. (optional) and Proposal. CSV from Excel or XLSX, at most 5 MB.";
        BodySheetHint => "Kolonner: Navn, Målgruppe, Institution (valgfri) og E-mail (flere adresser adskilt af komma eller semikolon). CSV eller XLSX, højst 5 MB.", "Columns: Name, Group, Unit (optional) and E-mail (several addresses separated by commas or semicolons). CSV or XLSX, at most 5 MB.";
        Create => "Opret", "Create";
        StatusDraftLabel => "Kladde", "Draft";
        StatusOpenLabel => "Åben", "Open";
        StatusClosedLabel => "Lukket", "Closed";
        StatusArchivedLabel => "Arkiveret", "Archived";
        TrackingTitle => "Svar", "Responses";
        PerGroup => "Pr. målgruppe", "By group";
        PerUnit => "Pr. institution", "By unit";
        MissingReplies => "Vis de {n}, der mangler at svare", "Show the {n} who have not answered";
        ActionsTitle => "Handlinger", "Actions";
        OpenAndInvite => "Åbn høringen og send invitationer", "Open the hearing and send invitations";
        SendReminders => "Send påmindelse til dem, der ikke har indsendt", "Send a reminder to those who have not submitted";
        CloseNow => "Luk høringen nu", "Close the hearing now";
        NewDeadlineLabel => "Ny frist", "New deadline";
        Reopen => "Genåbn", "Reopen";
        Duplicate => "Kopiér til ny høring", "Copy to a new hearing";
        SentProgress => "{sent} af {total} mails sendt", "{sent} of {total} e-mails sent";
        SentFailed => ", {n} fejlet", ", {n} failed";
        SentRetrying => ", {n} prøves igen (mailserveren svarer ikke)", ", {n} being retried (the mail server is not answering)";
        BodyLabel => "Høringspart", "Consulted body";
        GroupLabel => "Målgruppe", "Group";
        BreakdownHeader => "Hvem", "Who";
        OverviewTitle => "Overblik", "Overview";
        OverviewRule => "Reglen: blandt de høringsparter, der har taget stilling (enig eller uenig), er der bred opbakning, når mindst to ud af tre er enige, og overvejende modstand, når højst én ud af tre er enig; ellers er forslaget omstridt. »Ved ikke« og ubesvarede tæller ikke med.", "The rule: among the bodies that took a position (agree or disagree), a proposal has broad support when at least two in three agree and is mostly opposed when at most one in three agrees; otherwise it is contested. ‘Don’t know’ and blanks do not count.";
        StandingCount => "{n} forslag", "{n} proposals";
        UnitLabel => "Institution", "Unit";
        MailsLabel => "Mails", "E-mails";
        InvitedAt => "Inviteret {at}", "Invited {at}";
        RemindedAt => "Påmindet {at}", "Reminded {at}";
        MailFailedFor => "Kunne ikke sendes: {error}", "Could not be sent: {error}";
        Remove => "Fjern", "Remove";
        Resend => "Send invitation igen", "Resend invitation";
        ReplaceLink => "Udskift link", "Replace link";
        AddBodiesTitle => "Tilføj høringsparter", "Add consulted bodies";
        AddOneBody => "Tilføj én høringspart", "Add one consulted body";
        AddBody => "Tilføj", "Add";
        EmailsLabel => "E-mailadresser", "E-mail addresses";
        EmailsHint => "Flere adresser adskilles med komma.", "Separate several addresses with commas.";
        ShowPreview => "Vis forhåndsvisning", "Show preview";
        SettingsTitle => "Indstillinger og mails", "Settings and e-mails";
        IntroLabel => "Indledning", "Introduction";
        IntroHint => "Markdown: **fed**, *kursiv*, - punktopstilling, [link](https://…).", "Markdown: **bold**, *italic*, - lists, [link](https://…).";
        IntroPreview => "Se indledningen", "Preview the introduction";
        SenderLabel => "Afsender (underskrift i mails)", "Sender (signature in e-mails)";
        ContactLabel => "Kontakt ved spørgsmål", "Contact for questions";
        ContactHint => "Står i invitationer og påmindelser, fx navn, e-mail og telefon.", "Shown in invitations and reminders, e.g. name, e-mail and phone.";
        ReminderDaysLabel => "Automatisk påmindelse (dage før fristen)", "Automatic reminder (days before the deadline)";
        ReminderDaysHint => "Lad feltet stå tomt for ingen automatisk påmindelse.", "Leave empty for no automatic reminder.";
        Save => "Gem", "Save";
        ItemsTitle => "Forslag ({n})", "Proposals ({n})";
        AnsweredBy => "besvaret af {n}", "answered by {n}";
        Edit => "Ret", "Edit";
        ItemTextLabel => "Tekst", "Text";
        MoveUp => "Op", "Up";
        MoveDown => "Ned", "Down";
        AddItem => "Tilføj forslag", "Add proposal";
        SectionLabel => "Indsatsområde", "Area";
        ImportItems => "Importér forslag fra regneark", "Import proposals from a spreadsheet";
        PreviewTitle => "Forhåndsvisning af {file}", "Preview of {file}";
        PreviewReady => "{n} rækker er klar. Intet er gemt endnu.", "{n} rows are ready. Nothing is saved yet.";
        PreviewProblems => "{n} problemer skal rettes i regnearket, før det kan gemmes. Intet er gemt.", "{n} problems must be fixed in the spreadsheet before it can be saved. Nothing is saved.";
        SaveAll => "Gem alle", "Save all";
        Discard => "Kassér", "Discard";
        RowLabel => "Række", "Row";
        NumberLabel => "Nr.", "No.";
        DevTransport => "Udviklingstilstand: mails sendes ikke, men gemmes som .eml-filer i {folder}.", "Development mode: e-mails are not sent but saved as .eml files in {folder}.";
        Attempts => "{n} forsøg", "{n} attempts";
        NameLabel => "Navn", "Name";
        RoleLabel => "Rolle", "Role";
        AddUser => "Opret bruger", "Add user";
        WhenLabel => "Tidspunkt", "Time";
        WhoLabel => "Hvem", "Who";
        WhatLabel => "Handling", "Action";
        DetailLabel => "Detaljer", "Details";
        RoleLeaderHint => "En leder ser kun sine egne institutioners resultater, hver ved siden af hele kommunens.", "A leader sees only their own institutions' results, each beside the whole municipality's.";
        LeaderUnitsTitle => "Institutioner", "Institutions";
        LeaderUnitsHint => "Lederen ser kun disse institutioners resultater. Skriv navnet, som det står i høringens eller undersøgelsens liste over institutioner.", "The leader sees only these institutions' results. Write the name as it stands in the consultation's list of institutions.";
        LeaderUnitsNone => "Ingen institutioner endnu: lederen ser ingen resultater.", "No institutions yet: the leader sees no results.";
        LeaderUnitsNotLeader => "Kun en bruger med rollen Leder har institutioner.", "Only a user with the Leader role has institutions.";
        AddUnit => "Tilføj institution", "Add institution";
        RemoveUnit => "Fjern {unit}", "Remove {unit}";
        LeaderHomeTitle => "Mine institutioner", "My institutions";
        LeaderHomeLead => "Dine institutioners resultater i de høringer og undersøgelser, der omfatter dem, hver ved siden af hele kommunens. Tal, der bygger på for få svar, vises ikke.", "Your institutions' results in the consultations that cover them, each beside the whole municipality's. Figures based on too few answers are not shown.";
        LeaderHomeUnits => "Dine institutioner: {units}.", "Your institutions: {units}.";
        LeaderHomeNoUnits => "Du har ingen institutioner endnu. Bed en administrator om at give dig adgang til din institution.", "You have no institutions yet. Ask an administrator to give you access to your institution.";
        LeaderHomeEmpty => "Ingen høringer eller undersøgelser omfatter dine institutioner endnu.", "No consultation covers your institutions yet.";
        KindColumn => "Type", "Type";
        KindHearingLabel => "Høring", "Hearing";
        KindSurveyLabel => "Undersøgelse", "Survey";
        OpenUnitSheet => "Se {unit}", "See {unit}";
        BackToMyUnits => "Tilbage til mine institutioner", "Back to my institutions";
        UnitCsvLink => "Hent tallene som CSV (Excel)", "Download the figures as CSV (Excel)";
        UnitPrintHint => "Udskriv siden med browserens udskriftsfunktion (Ctrl+P) på A4, eller gem den som PDF.", "Print the page with the browser's print function (Ctrl+P) on A4, or save it as PDF.";
        TargetUnknown => "Kan ikke vurderes", "Cannot be judged";
        TargetLine => "Mål: {target}", "Target: {target}";
        TargetFromArea => "(områdets mål)", "(the area's target)";
        TargetSet => "Sæt mål", "Set target";
        TargetMetricLabel => "Tal", "Figure";
        TargetThresholdLabel => "Mindst", "At least";
        SaveTarget => "Gem mål", "Save target";
        RemoveTarget => "Fjern mål", "Remove target";
        TargetsHint => "Hvad er godt nok? Et mål vises i rapporten, på institutionernes sider og i notatet som over, tæt på eller under målet. Tæt på er højst 5 procentpoint, 0,2 på gennemsnittet eller 5 NPS-point under.", "What is good enough? A target is shown in the report, on the institutions' pages and in the memo as above, near or below target. Near is at most 5 percentage points, 0.2 on the mean or 5 NPS points below.";
        AreaTargetsTitle => "Mål for områder", "Targets for areas";
        AreaTargetsHint => "Et områdes mål gælder hvert spørgsmål i området, der har tallet og ikke har sit eget mål.", "An area's target holds for each question in the area that has the figure and no target of its own.";
        AreaTargetNone => "Intet mål", "No target";
        SeriesTitle => "Serie", "Series";
        SeriesHint => "Udgaver af den samme høring eller undersøgelse – fx Trivsel 2025 og Trivsel 2026 – sammenlignes spørgsmål for spørgsmål efter deres nummer. Rapporten viser så udviklingen for hvert spørgsmål. Kopierer du en udgave, kommer kopien i samme serie.", "Editions of the same consultation – e.g. Wellbeing 2025 and Wellbeing 2026 – are compared question by question by their number. The report then shows each question's trend. A copy of an edition joins the same series.";
        SeriesCurrent => "Indgår i serien »{title}«:", "Part of the series “{title}”:";
        SeriesNotInOne => "Indgår ikke i en serie.", "Not part of a series.";
        SeriesFirstEdition => "Den første udgave i serien: der er intet at sammenligne med endnu.", "The first edition in the series: nothing to compare with yet.";
        SeriesSameItems => "Samme spørgsmål, med samme ordlyd, som {since}.", "The same questions, in the same words, as {since}.";
        SeriesComparedWith => "Sammenlignet med {since}", "Compared with {since}";
        SeriesNewItems => "Nye ({n})", "New ({n})";
        SeriesRewordedItems => "Ny formulering ({n})", "Reworded ({n})";
        SeriesRetypedItems => "Ny svarskala – tallene kan ikke sammenlignes ({n})", "New answer scale – the figures do not compare ({n})";
        SeriesGoneItems => "Udgået ({n})", "Dropped ({n})";
        SeriesChoose => "Serie", "Series";
        SeriesNone => "Ingen serie", "No series";
        SeriesNewOption => "Ny serie …", "New series …";
        SeriesNewTitle => "Navn på ny serie", "Name of a new series";
        SeriesNewHint => "Kun når du vælger »Ny serie«, fx »Trivselsundersøgelsen«.", "Only when you choose “New series”, e.g. “Wellbeing survey”.";
        SeriesSave => "Gem serie", "Save series";
        SeriesQuestions => "Drøftelsesspørgsmål til dialogarket", "Discussion questions for the dialogue sheet";
        SeriesQuestionsHint => "Op til tre spørgsmål, som hver institutions MED-udvalg eller bestyrelse drøfter. De står på alle institutioners dialogark i hele serien.", "Up to three questions each institution's MED committee or board discusses. They appear on every institution's dialogue sheet throughout the series.";
        SeriesQuestionsNone => "Ingen spørgsmål endnu.", "No questions yet.";
        SeriesQuestionLabel => "Spørgsmål {n}", "Question {n}";
        SeriesQuestionsSave => "Gem spørgsmål", "Save questions";
        DialogueTitle => "Dialogark", "Dialogue sheet";
        DialogueLead => "Til MED-udvalgets eller bestyrelsens møde: hvad går godt, hvad skal vi arbejde med, og hvordan kommer vi videre?", "For the MED committee's or board's meeting: what goes well, what should we work on, and how do we move on?";
        DialogueBack => "Tilbage til institutionens tal", "Back to the institution's figures";
        DialogueAllFigures => "Alle institutionens tal", "All the institution's figures";
        DialogueStrongest => "Tre styrker", "Three strengths";
        DialogueWeakest => "Tre udfordringer", "Three challenges";
        DialogueBelow => "Længst fra målet", "Furthest below target";
        DialogueNoTargets => "Administrationen har ikke sat mål for undersøgelsen.", "The administration has set no targets for the survey.";
        DialogueNoneBelow => "Ingen spørgsmål ligger under målet.", "No question is below its target.";
        DialogueQuestions => "Til drøftelse", "For discussion";
        DialogueNoQuestions => "Administrationen har ikke skrevet drøftelsesspørgsmål til serien.", "The administration has written no discussion questions for the series.";
        DialogueTooFew => "Der er for få svar fra {unit} til at vise institutionens tal (færre end {k}).", "There are too few answers from {unit} to show the institution's figures (fewer than {k}).";
        DialogueFigure => "{measure}: {unit} {value} · hele kommunen {whole}", "{measure}: {unit} {value} · whole municipality {whole}";
        DialogueLink => "Dialogark til mødet (A4)", "Dialogue sheet for the meeting (A4)";
        NavGuideposts => "Pejlemærker", "Guideposts";
        GuidepostsTitle => "Pejlemærker", "Guideposts";
        GuidepostsLead => "Kommunens pejlemærker for en periode. Institutionerne skriver en læringshistorie pr. pejlemærke; administrationen læser dem side om side, giver dem temaer, vælger citater og skriver en metafortælling til udvalget.", "The municipality's guideposts for a period. The institutions write a learning story per guidepost; the administration reads them side by side, gives them themes, chooses quotes and writes a meta-narrative for the committee.";
        PeriodsNone => "Ingen perioder endnu.", "No periods yet.";
        PeriodLabel => "Periode", "Period";
        PeriodHint => "Fx »Pejlemærker 2026–2027«.", "E.g. “Guideposts 2026–2027”.";
        PeriodNew => "Ny periode", "New period";
        PeriodCreate => "Opret periode", "Create period";
        GuidepostsCol => "Pejlemærker", "Guideposts";
        StoriesCol => "Historier", "Stories";
        GuidepostsNone => "Perioden har ingen pejlemærker endnu.", "The period has no guideposts yet.";
        GuidepostNew => "Nyt pejlemærke", "New guidepost";
        GuidepostAdd => "Tilføj pejlemærke", "Add guidepost";
        GuidepostEdit => "Ret titel og tekst", "Edit title and text";
        GuidepostTitleLabel => "Titel", "Title";
        GuidepostBodyLabel => "Kort tekst (højst 1.000 tegn)", "Short text (at most 1,000 characters)";
        StoriesRead => "Læs historierne ({n})", "Read the stories ({n})";
        StoriesCount => "{n} historier.", "{n} stories.";
        StoriesNone => "Ingen indsendte historier endnu.", "No submitted stories yet.";
        NarrativeWritten => "metafortælling skrevet", "meta-narrative written";
        NarrativeMemoLink => "Notat til udvalget", "Memo for the committee";
        NarrativeMemoTitle => "Pejlemærker – notat til udvalget", "Guideposts – memo for the committee";
        StoryUnattributed => "Historie (uden navn)", "Story (unnamed)";
        ThemesTitle => "Temaer", "Themes";
        ThemesAll => "Alle", "All";
        ThemesLabel => "Temaer", "Themes";
        ThemesHint => "Administrationens egne korte temaer, adskilt af komma.", "The administration's own short themes, separated by commas.";
        ThemesSave => "Gem temaer", "Save themes";
        QuoteChoose => "Vælg citat til notatet", "Choose a quote for the memo";
        QuotePartLabel => "Fra", "From";
        QuoteExcerptLabel => "Uddrag (valgfrit)", "Excerpt (optional)";
        QuoteExcerptHint => "Kopiér et uddrag ordret fra teksten, eller lad feltet stå tomt for at citere hele delen.", "Copy an excerpt word for word from the text, or leave it empty to quote the whole part.";
        QuoteSave => "Vælg citat", "Choose quote";
        QuoteRemove => "Fjern citat", "Remove quote";
        QuotesTitle => "Citater", "Quotes";
        QuotesNone => "Ingen citater valgt endnu.", "No quotes chosen yet.";
        NarrativeTitle => "Metafortælling", "Meta-narrative";
        NarrativeHint => "Administrationens fortælling på tværs af historierne: hvad går igen, hvad lærer vi som kommune? Tom linje mellem afsnit.", "The administration's narrative across the stories: what recurs, what do we learn as a municipality? A blank line between paragraphs.";
        NarrativeNone => "Ingen metafortælling endnu.", "No meta-narrative yet.";
        NarrativeSave => "Gem metafortælling", "Save meta-narrative";
        SurveyLinkTitle => "Tal fra undersøgelsen", "Figures from the survey";
        SurveyLinkCurrent => "Notatet viser {codes} fra »{survey}« med udvikling.", "The memo shows {codes} from “{survey}” with their trend.";
        SurveyLinkNone => "Ingen spørgsmål valgt.", "No questions chosen.";
        SurveyLinkSurvey => "Undersøgelse", "Survey";
        SurveyLinkNoSurvey => "Ingen", "None";
        SurveyLinkCodes => "Spørgsmål", "Questions";
        SurveyLinkCodesHint => "Numrene fra rapporten, fx 1.1, 2.3.", "The numbers from the report, e.g. 1.1, 2.3.";
        MemoFiguresFrom => "Tal fra »{survey}«", "Figures from “{survey}”";
        StoriesCardTitle => "Læringshistorier", "Learning stories";
        StoriesCardHint => "Bed hver institution om en læringshistorie pr. pejlemærke: hvad gjorde vi, hvad så vi, hvad lærte vi (højst 5.000 tegn hver). De besvares via det personlige link som resten.", "Ask each institution for a learning story per guidepost: what we did, what we saw, what we learned (at most 5,000 characters each). They are answered through the personal link like the rest.";
        StoriesCardPeriod => "Periode", "Period";
        StoriesCardAttributed => "Institutionens navn må stå ved citater i notatet til udvalget", "The institution's name may stand with quotes in the memo for the committee";
        StoriesCardAsk => "Bed om læringshistorier", "Ask for learning stories";
        StoriesCardNoPeriods => "Opret først en periode med pejlemærker.", "First create a period with guideposts.";
        SeriesGoneTitle => "Udgået siden {since}", "Dropped since {since}";
        TrendCaption => "Udvikling – {measure}", "Trend – {measure}";
        TrendEdition => "Udgave", "Edition";
        TrendNew => "Nyt spørgsmål i denne udgave.", "A new question in this edition.";
        TrendReworded => "Ny formulering siden {since}.", "Reworded since {since}.";
        TrendRetyped => "Ny svarskala siden {since}: tidligere tal kan ikke sammenlignes.", "New answer scale since {since}: earlier figures do not compare.";
        MsgBadCredentials => "E-mail eller adgangskode er forkert.", "The e-mail or password is wrong.";
        MsgThrottled => "For mange forkerte forsøg lige nu. Vent et øjeblik, og prøv igen – ventetiden vokser med hvert forkert forsøg.", "Too many failed attempts just now. Wait a moment and try again; the wait grows with every failed attempt.";
        MsgSessionExpired => "Du er blevet logget ud, fordi du ikke har været aktiv et stykke tid. Log ind igen.", "You were signed out after a period without activity. Please sign in again.";
        MsgSignedOut => "Du er logget ud.", "You are signed out.";
        MsgTitleMissing => "Skriv en titel.", "Enter a title.";
        MsgTooLong => "Teksten er for lang (højst {arg} tegn).", "The text is too long (at most {arg} characters).";
        MsgDeadlineInvalid => "Skriv fristen som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-01 12:00.", "Write the deadline as YYYY-MM-DD HH:MM, e.g. 2027-03-01 12:00.";
        MsgDeadlinePast => "Fristen skal ligge i fremtiden.", "The deadline must be in the future.";
        MsgNumberInvalid => "Skriv et helt tal mellem 1 og 60.", "Enter a whole number between 1 and 60.";
        MsgNameMissing => "Navnet mangler.", "The name is missing.";
        MsgGroupMissing => "Målgruppen mangler.", "The group is missing.";
        MsgEmailMissing => "E-mailadressen mangler.", "The e-mail address is missing.";
        MsgEmailInvalid => "»{arg}« er ikke en gyldig e-mailadresse.", "“{arg}” is not a valid e-mail address.";
        MsgDuplicateBody => "»{arg}« findes allerede i høringen.", "“{arg}” is already in the hearing.";
        MsgTextMissing => "Teksten mangler.", "The text is missing.";
        MsgSectionMissing => "Indsatsområdet mangler.", "The area is missing.";
        MsgDuplicateCode => "Nummer {arg} er brugt mere end én gang.", "Number {arg} is used more than once.";
        MsgUnknownType => "Typen »{arg}« kendes ikke. Brug enig_uenig, likert5, nps, enkeltvalg, flervalg eller tekst.", "The type “{arg}” is not known. Use enig_uenig, likert5, nps, enkeltvalg, flervalg or tekst.";
        MsgOptionsMissing => "Et valgspørgsmål skal have mindst to svarmuligheder, adskilt af |.", "A choice question needs at least two options, separated by |.";
        MsgOptionsNotAllowed => "Svarmuligheder passer kun til enkeltvalg og flervalg, ikke til »{arg}«.", "Options belong only to enkeltvalg and flervalg, not to “{arg}”.";
        MsgDuplicateOption => "Svarmuligheden »{arg}« står der to gange.", "The option “{arg}” is there twice.";
        MsgUnitMissing => "Skriv enhedens navn.", "Write the unit's name.";
        MsgUnitsOnlyForLeaders => "Kun en bruger med rollen Leder kan have institutioner. Skift rollen først.", "Only a user with the Leader role can have institutions. Change the role first.";
        MsgUnitAlreadyAssigned => "Lederen har allerede institutionen »{arg}«.", "The leader already has the institution “{arg}”.";
        MsgUnitAssigned => "Institutionen er givet til lederen.", "The institution was given to the leader.";
        MsgUnitRemoved => "Institutionen er taget fra lederen.", "The institution was taken from the leader.";
        MsgTargetNumber => "Skriv målet som et tal, fx 80 eller 4,0 (højst to decimaler).", "Write the target as a number, e.g. 80 or 4.0 (at most two decimals).";
        MsgTargetRange => "Målet skal ligge inden for {arg}.", "The target must lie within {arg}.";
        MsgTargetKind => "Der kan kun sættes mål på et undersøgelsesspørgsmål med en skala: andel positive eller gennemsnit på skalaen 1–5, NPS på 0–10.", "Targets can only be set on a survey question with a scale: share positive or mean on the 1–5 scale, NPS on 0–10.";
        MsgTargetNoItemFits => "Intet spørgsmål i området har det tal. Vælg et andet, eller sæt målet på de enkelte spørgsmål.", "No question in the area has that figure. Choose another, or set the target on the questions one by one.";
        MsgTargetSaved => "Målet er gemt.", "The target was saved.";
        MsgSeriesUnknown => "Vælg en serie på listen, eller opret en ny.", "Choose a series from the list, or create a new one.";
        MsgSeriesDuplicateCode => "Nummer {arg} står ved mere end ét spørgsmål. Giv hvert spørgsmål sit eget nummer, før den kan indgå i en serie: udgaverne sammenlignes spørgsmål for spørgsmål efter nummer.", "Number {arg} is on more than one question. Give each question its own number before it can join a series: the editions are compared question by question by number.";
        MsgSeriesHoldsSurveys => "Serien »{arg}« rummer spørgeskemaundersøgelser. En høring kan kun indgå i en serie af høringer.", "The series “{arg}” holds surveys. A hearing can only join a series of hearings.";
        MsgSeriesHoldsHearings => "Serien »{arg}« rummer høringer. En spørgeskemaundersøgelse kan kun indgå i en serie af undersøgelser.", "The series “{arg}” holds hearings. A survey can only join a series of surveys.";
        MsgSeriesExists => "Der findes allerede en serie med navnet »{arg}«. Vælg den på listen, eller giv den nye et andet navn.", "A series named “{arg}” already exists. Choose it from the list, or give the new one another name.";
        MsgSeriesSaved => "Serien er gemt.", "The series was saved.";
        MsgSeriesMissing => "Sæt den i en serie først: spørgsmålene hører til serien.", "Put it in a series first: the questions belong to the series.";
        MsgSeriesQuestionsSaved => "Drøftelsesspørgsmålene er gemt.", "The discussion questions were saved.";
        MsgPeriodExists => "Der findes allerede en periode med navnet »{arg}«.", "A period named “{arg}” already exists.";
        MsgPeriodCreated => "Perioden er oprettet. Tilføj dens pejlemærker.", "The period was created. Add its guideposts.";
        MsgGuidepostAdded => "Pejlemærket er tilføjet.", "The guidepost was added.";
        MsgGuidepostSaved => "Pejlemærket er gemt.", "The guidepost was saved.";
        MsgNarrativeSaved => "Metafortællingen er gemt.", "The meta-narrative was saved.";
        MsgTagTooLong => "Temaet »{arg}« er for langt (højst 40 tegn).", "The theme “{arg}” is too long (at most 40 characters).";
        MsgTooManyTags => "Højst {arg} temaer pr. historie.", "At most {arg} themes per story.";
        MsgThemesSaved => "Temaerne er gemt.", "The themes were saved.";
        MsgTooManyCodes => "Højst {arg} spørgsmål pr. pejlemærke.", "At most {arg} questions per guidepost.";
        MsgNotASurvey => "Vælg en spørgeskemaundersøgelse på listen.", "Choose a survey from the list.";
        MsgCodeNotInSurvey => "Spørgsmål {arg} findes ikke i undersøgelsen. Skriv numrene, som de står i rapporten, fx 1.1, 2.3.", "Question {arg} is not in the survey. Write the numbers as they stand in the report, e.g. 1.1, 2.3.";
        MsgCodesMissing => "Skriv numrene på de spørgsmål, notatet skal vise, fx 1.1, 2.3 – eller vælg »Ingen« som undersøgelse.", "Write the numbers of the questions the memo is to show, e.g. 1.1, 2.3 – or choose “None” as survey.";
        MsgQuoteEmptyPart => "Den del af historien er tom; vælg en anden.", "That part of the story is empty; choose another.";
        MsgQuoteNotInStory => "Citatet skal stå ordret i historien. Kopiér det fra teksten, eller lad feltet stå tomt for at citere hele delen.", "The quote must stand word for word in the story. Copy it from the text, or leave the field empty to quote the whole part.";
        MsgQuoteSaved => "Citatet er valgt til notatet.", "The quote was chosen for the memo.";
        MsgQuoteRemoved => "Citatet er fjernet.", "The quote was removed.";
        MsgStoriesOnlyInDraft => "Læringshistorier kan kun tilføjes, mens høringen er en kladde.", "Learning stories can only be added while the consultation is a draft.";
        MsgPeriodEmpty => "Perioden har ingen pejlemærker endnu. Tilføj dem først.", "The period has no guideposts yet. Add them first.";
        MsgStoriesAlreadyAsked => "Der er allerede spurgt om læringshistorier til denne periode.", "Learning stories for this period have already been asked for.";
        MsgStoriesAsked => "Der er tilføjet en læringshistorie pr. pejlemærke: hvad gjorde vi, hvad så vi, hvad lærte vi.", "A learning story per guidepost was added: what we did, what we saw, what we learned.";
        MsgSeriesLeft => "Den indgår ikke længere i en serie.", "It is no longer part of a series.";
        MsgTargetRemoved => "Målet er fjernet.", "The target was removed.";
        MsgOpenLinkExists => "{arg} har allerede et åbent link.", "{arg} already has an open link.";
        MsgOpenLinkCreated => "Det åbne link er oprettet.", "The open link has been created.";
        AuditOpenLinkCreated => "Åbent link oprettet", "Open link created";
        AuditUnitAssigned => "Institution givet til leder", "Institution given to leader";
        AuditUnitRemoved => "Institution taget fra leder", "Institution taken from leader";
        AuditAccessRefused => "Adgang nægtet", "Access refused";
        AuditTargetChanged => "Mål ændret", "Target changed";
        AuditSeriesChanged => "Serie ændret", "Series changed";
        AuditGuidepostChanged => "Pejlemærke ændret", "Guidepost changed";
        OpenLinksTitle => "Åbne links", "Open links";
        OpenLinksHint => "Et link pr. enhed til en plakat ved indgangen eller en besked i forældreappen. Hvert svar tælles under linkets enhed. Svar via åbne links er ikke verificerede: alle med linket kan svare, højst 60 gange i timen fra samme adresse.", "One link per unit, for a poster at the entrance or a message in the parent app. Every answer counts under the link's unit. Answers through open links are not verified: anyone with the link can answer, at most 60 times an hour from one address.";
        OpenDefaultGroup => "Forældre", "Parents";
        OpenLinkCol => "Link", "Link";
        OpenCodeCol => "Adgangskode", "Access code";
        OpenCodeHint => "Valgfri. Står på plakaten og skal tastes, før man kan svare.", "Optional. Printed on the poster and typed before answering.";
        OpenStartedCol => "Startet", "Started";
        OpenLinkNew => "Nyt åbent link", "New open link";
        OpenLinkCreate => "Opret åbent link", "Create open link";
        PostersLink => "Plakater til udskrift (én side pr. enhed)", "Posters to print (one page per unit)";
        PostersTitle => "Plakater", "Posters";
        PostersPrintHint => "Udskriv plakaterne med browserens udskriftsfunktion (Ctrl+P) på A4: én side pr. enhed.", "Print the posters with the browser's print function (Ctrl+P) on A4: one page per unit.";
        NoOpenLinks => "Der er ingen åbne links endnu.", "There are no open links yet.";
        QrLabel => "QR-kode til {url}", "QR code for {url}";
        PosterAsk => "Vil du hjælpe os med at blive bedre? Scan koden med din telefon, eller skriv linket.", "Will you help us get better? Scan the code with your phone, or type the link.";
        PosterAnonymous => "Dine svar er anonyme.", "Your answers are anonymous.";
        MsgNotYesNo => "Obligatorisk skal være ja eller nej, ikke »{arg}«.", "Required must be yes or no, not “{arg}”.";
        MsgConditionUnreadable => "Vis hvis skal skrives som nummer=svarmulighed, fx 3=Skole eller 3=Skole|Dagtilbud, ikke »{arg}«.", "Show if must be written as number=option, e.g. 3=School or 3=School|Daycare, not “{arg}”.";
        MsgConditionUnknownItem => "Vis hvis henviser til spørgsmål {arg}, som ikke står i en række før denne.", "Show if refers to question {arg}, which is not in a row before this one.";
        MsgConditionNotChoice => "Vis hvis henviser til spørgsmål {arg}, som ikke er enkeltvalg eller flervalg.", "Show if refers to question {arg}, which is not single or multiple choice.";
        MsgLanguageTagUnknown => "Kolonnen »{arg}« skal slutte med et sprogkode efter _, fx tekst_en, tekst_ar eller tekst_so.", "The column “{arg}” must end with a language code after _, e.g. tekst_en, tekst_ar or tekst_so.";
        MsgTranslatedOptions => "Svarmulighederne på {arg} skal være lige så mange som på dansk og i samme rækkefølge.", "The options in {arg} must be as many as in Danish and in the same order.";
        MsgLanguageTagInvalid => "»{arg}« er ikke en sprogkode. Skriv sprogets kode, fx ar (arabisk), en (engelsk), so (somali), tr (tyrkisk), uk (ukrainsk) eller ur (urdu).", "“{arg}” is not a language code. Write the language's code, e.g. ar (Arabic), en (English), so (Somali), tr (Turkish), uk (Ukrainian) or ur (Urdu).";
        MsgDanishIsMain => "Dansk er undersøgelsens eget sprog; ret de danske tekster under Indstillinger.", "Danish is the survey's own language; change the Danish texts under Settings.";
        MsgLanguageSaved => "Sproget er gemt.", "The language was saved.";
        LanguagesTitle => "Sprog", "Languages";
        LanguagesHint => "Undersøgelsen vises på dansk og på disse sprog; den, der svarer, vælger selv, og browserens sprog bestemmer, hvad der vises først. Spørgsmål og svarmuligheder oversættes i regnearket med kolonnerne tekst_<sprog>, svarmuligheder_<sprog> og område_<sprog>; titel og indledning her. Svarene tælles altid under de danske svarmuligheder.", "The survey is shown in Danish and in these languages; respondents choose, and the browser's language decides what is shown first. Questions and options are translated in the spreadsheet with the columns tekst_<language>, svarmuligheder_<language> and område_<language>; title and introduction here. Answers are always counted under the Danish options.";
        LanguageTagLabel => "Sprogkode (fx ar, en, so, tr, uk, ur)", "Language code (e.g. ar, en, so, tr, uk, ur)";
        LanguageItemsCol => "Oversatte spørgsmål", "Translated questions";
        LanguageSave => "Gem sprog", "Save language";
        TranslatedTitleLabel => "Titel på sproget", "Title in the language";
        TranslatedIntroLabel => "Indledning på sproget", "Introduction in the language";
        MsgConditionUnknownOption => "Vis hvis nævner »{arg}«, som ikke er en af spørgsmålets svarmuligheder.", "Show if names “{arg}”, which is not one of the question's options.";
        MsgMaxInvalid => "Højst skal være et helt tal fra 1 til antallet af svarmuligheder, ikke »{arg}«.", "At most must be a whole number from 1 to the number of options, not “{arg}”.";
        MsgMaxNotAllowed => "Højst passer kun til flervalg, ikke til »{arg}«.", "At most belongs only to flervalg, not to “{arg}”.";
        MaxLabel => "Højst", "At most";
        MsgConditionOneQuestion => "Et spørgsmål kan kun vises ud fra svaret på ét andet spørgsmål. Sæt kun flueben ved svar på det samme spørgsmål.", "A question can depend on the answer to one other question only. Tick answers to the same question only.";
        MsgConditionNotEarlier => "Spørgsmål {arg} kommer ikke før dette spørgsmål; et spørgsmål kan kun vises ud fra et svar, der er givet tidligere.", "Question {arg} does not come before this one; a question can only be shown on an answer given earlier.";
        MsgConditionStillUsed => "Spørgsmål {arg} vises ud fra et svar på dette spørgsmål, som ikke længere findes. Ret først »Vis kun når« ved spørgsmål {arg}.", "Question {arg} is shown on an answer to this question that would no longer exist. First change “Show only when” on question {arg}.";
        MsgSurveyCreated => "Undersøgelsen er oprettet som kladde.", "The survey was created as a draft.";
        MsgSurveyOpened => "Undersøgelsen er åbnet. Invitationerne sendes nu.", "The survey is open. The invitations are being sent.";
        MsgSurveyReopened => "Undersøgelsen er genåbnet med den nye frist.", "The survey is reopened with the new deadline.";
        MsgSurveyClosed => "Undersøgelsen er lukket.", "The survey is closed.";
        MsgQuestionAdded => "Spørgsmålet er tilføjet.", "The question was added.";
        MsgQuestionRemoved => "Spørgsmålet er fjernet.", "The question was removed.";
        MsgMoveBreaksCondition => "Flytningen ville sætte et spørgsmål før spørgsmål {arg}, hvis svar afgør, om det stilles.", "The move would put a question before question {arg}, whose answer decides whether it is asked.";
        ItemSettingsSummary => "Type, svarmuligheder og visning", "Type, options and display";
        KindAgreeDisagree => "Enig / uenig / ved ikke", "Agree / disagree / don't know";
        KindLikert5 => "Skala: helt enig … helt uenig", "Scale: strongly agree … strongly disagree";
        KindNps => "0–10 (anbefaling)", "0–10 (recommendation)";
        KindSingle => "Enkeltvalg", "Single choice";
        KindMulti => "Flervalg", "Multiple choice";
        KindText => "Fritekst", "Free text";
        OptionsPerLineHint => "Én svarmulighed pr. linje. Kun til enkeltvalg og flervalg.", "One option per line. Only for single and multiple choice.";
        MaxHint => "Kun til flervalg. Tomt: så mange man vil.", "Only for multiple choice. Empty: as many as wanted.";
        ShowIfLegend => "Vis kun når", "Show only when";
        ShowIfHint => "Sæt flueben ved de svar på ét tidligere spørgsmål, der skal vise dette spørgsmål. Ingen flueben: spørgsmålet stilles altid.", "Tick the answers to one earlier question that show this question. No tick: the question is always asked.";
        ShowIfAlways => "stilles altid", "always asked";
        ShowIfShort => "vises når {code} = {options}", "shown when {code} = {options}";
        TranslatedTextLabel => "Tekst på {lang}", "Text in {lang}";
        TranslatedOptionsLabel => "Svarmuligheder på {lang} (samme rækkefølge)", "Options in {lang} (same order)";
        SaveSettings => "Gem indstillinger", "Save settings";
        WrittenIn => "Skrevet på", "Written in";
        ExportSurveyXlsx => "Opsummering som Excel-ark (XLSX)", "Summary as an Excel workbook (XLSX)";
        UnitSheetTitle => "Én institution ved siden af helheden", "One institution beside the whole";
        UnitSheetLink => "Udskriv institutionens side (A4)", "Print the institution's page (A4)";
        UnitSheetChoose => "Vælg en institution i rapportens filter først.", "Choose an institution in the report's filter first.";
        UnitSheetLead => "Institutionens resultater ved siden af hele kommunens, til drøftelse i MED-udvalget eller bestyrelsen.", "The institution's results beside the whole municipality's, for the MED committee or the board.";
        UnitSheetRateOf => "Svarprocent, {unit}", "Response rate, {unit}";
        UnitSheetRateAll => "Svarprocent, hele kommunen", "Response rate, the whole municipality";
        UnitSheetWhole => "Hele kommunen", "The whole municipality";
        UnitSheetLegend => "»Positive« er andelen, der svarede enig eller helt enig (»ved ikke« ikke medregnet); »gns.« er gennemsnittet på skalaen 1–5; NPS er andelen, der svarede 9–10, minus andelen, der svarede 0–6.", "“Positive” is the share who answered agree or strongly agree (“don't know” left out); “mean” is the mean on the 1–5 scale; NPS is the share who answered 9–10 minus the share who answered 0–6.";
        UnitSheetNote => "Tal bygget på færre end {k} svar vises ikke, og heller ikke tal, som de ville kunne regnes ud fra. Fritekstsvar vises aldrig for en enkelt institution.", "Figures based on fewer than {k} answers are not shown, nor figures they could be worked out from. Free-text answers are never shown for a single institution.";
        QuestionCol => "Spørgsmål", "Question";
        BreakdownAnswer => "Svaret på {question}", "The answer to {question}";
        TypeLabel => "Type", "Type";
        OptionsLabel => "Svarmuligheder", "Options";
        RequiredLabel => "Obligatorisk", "Required";
        ShowIfLabel => "Vis hvis", "Show if";
        TranslationsLabel => "Oversættelser", "Translations";
        YesWord => "ja", "yes";
        MsgPasswordShort => "Adgangskoden skal have mindst {arg} tegn.", "The password must have at least {arg} characters.";
        MsgPasswordCommon => "Adgangskoden er blandt dem, der prøves først. Vælg en anden – gerne en sætning på flere ord.", "The password is among those tried first. Choose another, a sentence of several words for instance.";
        MsgEmailTaken => "Der findes allerede en bruger med den e-mailadresse.", "A user with that e-mail address already exists.";
        MsgRoleInvalid => "Vælg en rolle.", "Choose a role.";
        MsgFileMissing => "Vælg en fil.", "Choose a file.";
        MsgFileTooLarge => "Filen er for stor (højst {arg}).", "The file is too large (at most {arg}).";
        MsgFormulaWithoutValue => "Cellen {arg} indeholder en formel uden en gemt værdi, så vi kan ikke se, hvad der står i den. Åbn filen i Excel, og gem den igen – eller kopiér cellerne, og indsæt dem som værdier.", "Cell {arg} holds a formula without a saved value, so we cannot see what it shows. Open the file in Excel and save it again, or copy the cells and paste them as values.";
        MsgFileUnreadable => "Filen kunne ikke læses. Gem den som CSV eller XLSX fra Excel, og prøv igen.", "The file could not be read. Save it as CSV or XLSX from Excel and try again.";
        MsgFileEmpty => "Filen indeholder ingen rækker.", "The file contains no rows.";
        MsgTooManyRows => "Filen har for mange rækker (højst {arg}).", "The file has too many rows (at most {arg}).";
        MsgTooManyColumns => "Arket har tekst i for mange kolonner (højst {arg}). Slet de kolonner, der ikke hører til listen, og prøv igen.", "The sheet has text in too many columns (at most {arg}). Delete the columns that are not part of the list and try again.";
        MsgUnpackedTooLarge => "Filen fylder for meget, når den pakkes ud (en del af den over {arg}). Gem listen som CSV fra Excel, og prøv igen.", "The file is too large once unpacked (a part of it over {arg}). Save the list as CSV from Excel and try again.";
        MsgColumnMissing => "Kolonnen »{arg}« mangler i første række.", "The column “{arg}” is missing from the first row.";
        MsgAlreadyOpen => "Høringen er allerede åben.", "The hearing is already open.";
        MsgNotOpenedYet => "Høringen er ikke åbnet endnu, så der er ingen invitation at sende igen. Invitationerne sendes, når den åbnes.", "The hearing has not been opened yet, so there is no invitation to send again. The invitations go out when it opens.";
        MsgNotOpen => "Påmindelser kan kun sendes, mens høringen er åben.", "Reminders can only be sent while the hearing is open.";
        MsgNotDraft => "Det kan kun ændres, mens høringen er en kladde.", "That can only be changed while the hearing is a draft.";
        MsgNoBodies => "Tilføj mindst én høringspart, før høringen åbnes.", "Add at least one consulted body before opening the hearing.";
        MsgNoItems => "Tilføj mindst ét forslag, før høringen åbnes.", "Add at least one proposal before opening the hearing.";
        MsgItemAnswered => "Forslaget er allerede besvaret og kan ikke fjernes.", "The proposal has already been answered and cannot be removed.";
        MsgCreated => "Høringen er oprettet som kladde.", "The hearing was created as a draft.";
        MsgSaved => "Gemt.", "Saved.";
        MsgOpened => "Høringen er åbnet. Invitationerne sendes nu.", "The hearing is open. The invitations are being sent.";
        MsgClosed => "Høringen er lukket.", "The hearing is closed.";
        MsgReopened => "Høringen er genåbnet med den nye frist.", "The hearing is reopened with the new deadline.";
        MsgDuplicated => "Kopien er oprettet som kladde.", "The copy was created as a draft.";
        MsgImported => "Importen er gemt.", "The import was saved.";
        MsgImportDiscarded => "Importen er kasseret. Intet er gemt.", "The import was discarded. Nothing was saved.";
        MsgBodyAdded => "Høringsparten er tilføjet.", "The consulted body was added.";
        MsgBodyRemoved => "Høringsparten er fjernet.", "The consulted body was removed.";
        MsgBodyChanged => "Høringsparten er rettet.", "The consulted body was changed.";
        MsgInvitationQueued => "Invitationen sendes igen.", "The invitation is being sent again.";
        MsgLinkReplaced => "Linket er udskiftet. Det gamle link virker ikke længere, og det nye sendes.", "The link was replaced. The old link no longer works, and the new one is being sent.";
        MsgRemindersQueued => "Påmindelserne sendes nu.", "The reminders are being sent.";
        MsgNobodyToRemind => "Alle har indsendt – der er ingen at minde om.", "Everyone has submitted – there is nobody to remind.";
        MsgItemAdded => "Forslaget er tilføjet.", "The proposal was added.";
        MsgItemRemoved => "Forslaget er fjernet.", "The proposal was removed.";
        MsgItemMoved => "Rækkefølgen er ændret.", "The order was changed.";
        AuditSignIn => "Logget ind", "Signed in";
        AuditSignInFailed => "Forkert adgangskode", "Wrong password";
        AuditSignOut => "Logget ud", "Signed out";
        AuditUserCreated => "Bruger oprettet", "User added";
        AuditRoleChanged => "Rolle ændret", "Role changed";
        AuditUserDisabled => "Bruger spærret", "User disabled";
        AuditUserEnabled => "Spærring ophævet", "User enabled";
        AuditSessionsEnded => "Logget ud alle steder", "Signed out everywhere";
        AuditPasswordChanged => "Adgangskode skiftet", "Password changed";
        AuditPasswordReset => "Ny adgangskode sat af administrator", "Password set by an administrator";
        AuditCreated => "Oprettet", "Created";
        AuditDuplicated => "Kopieret", "Duplicated";
        AuditChanged => "Indstillinger ændret", "Settings changed";
        AuditOpened => "Åbnet", "Opened";
        AuditClosed => "Lukket", "Closed";
        AuditReopened => "Genåbnet", "Reopened";
        AuditImported => "Importeret", "Imported";
        AuditBodyAdded => "Part tilføjet", "Body added";
        AuditBodyRemoved => "Part fjernet", "Body removed";
        AuditBodyChanged => "Part ændret", "Body changed";
        AuditItemChanged => "Indsats ændret", "Item changed";
        AuditInvitationsSent => "Invitationer sendt", "Invitations sent";
        AuditInvitationResent => "Invitation sendt igen", "Invitation sent again";
        AuditLinkReplaced => "Link erstattet", "Link replaced";
        AuditRemindersSent => "Påmindelser sendt", "Reminders sent";
        AuditNoteChanged => "Forvaltningens bemærkning ændret", "Administration's note changed";
        AuditExported => "Eksporteret", "Exported";
        AuditContactsPurged => "Kontaktoplysninger slettet (opbevaringsfrist)", "Contact data deleted (retention period)";
        MsgUserAdded => "Brugeren er oprettet.", "The user was added.";
        MsgRoleChanged => "Rollen er ændret.", "The role was changed.";
        MsgUserDisabled => "Brugeren er spærret og logget ud alle steder.", "The user is disabled and signed out everywhere.";
        MsgUserEnabled => "Spærringen er ophævet: brugeren kan logge ind igen.", "The user can sign in again.";
        MsgSessionsEnded => "Brugeren er logget ud alle steder ({arg} sessioner).", "The user is signed out everywhere ({arg} sessions).";
        MsgPasswordReset => "Brugerens adgangskode er skiftet, og brugeren er logget ud alle steder.", "The user's password was changed, and the user is signed out everywhere.";
        MsgPasswordChanged => "Din adgangskode er skiftet. Du er logget ud på alle andre enheder.", "Your password was changed. You are signed out on every other device.";
        MsgPasswordWrong => "Den nuværende adgangskode er forkert.", "The current password is wrong.";
        MsgPasswordMismatch => "De to nye adgangskoder er ikke ens. Skriv den samme i begge felter.", "The two new passwords differ. Type the same in both fields.";
        MsgLastAdmin => "Der skal være mindst én aktiv administrator. Giv en anden bruger rollen administrator først.", "There must be at least one active administrator. Make another user an administrator first.";
        MsgNotYourself => "Du kan ikke spærre din egen konto.", "You cannot disable your own account.";
        MsgContactsPurged => "Kan ikke genåbnes: parternes kontaktoplysninger og links er slettet efter opbevaringsfristen. Kopiér høringen og importér parterne igen.", "Cannot be reopened: the bodies' contact data and links were deleted after the retention period. Duplicate the consultation and import the bodies again.";
        AccountPageTitle => "Din konto", "Your account";
        PasswordPageTitle => "Skift adgangskode", "Change password";
        PasswordPageLead => "Når du har skiftet adgangskode, bliver du logget ud på alle andre enheder.", "When you have changed your password, you are signed out on every other device.";
        CurrentPasswordLabel => "Nuværende adgangskode", "Current password";
        NewPasswordLabel => "Ny adgangskode", "New password";
        RepeatPasswordLabel => "Gentag ny adgangskode", "Repeat the new password";
        StatusActive => "Aktiv", "Active";
        StatusDisabled => "Spærret", "Disabled";
        SessionsLabel => "Aktive sessioner", "Active sessions";
        LastSignInLabel => "Sidst logget ind", "Last signed in";
        NeverSignedIn => "Aldrig", "Never";
        CreatedLabel => "Oprettet", "Created";
        ManageUser => "Administrér {name}", "Manage {name}";
        ChangeRole => "Skift rolle", "Change role";
        SaveRole => "Gem rolle", "Save role";
        EndSessionsTitle => "Log ud alle steder", "Sign out everywhere";
        EndSessionsHint => "Afslutter alle brugerens sessioner, fx hvis en telefon eller computer er mistet. Brugeren kan logge ind igen.", "Ends all of the user's sessions, e.g. when a phone or computer is lost. The user can sign in again.";
        DisableTitle => "Spær brugeren", "Disable the user";
        DisableHint => "En spærret bruger kan ikke logge ind, og alle sessioner afsluttes. Historikken i loggen bevares.", "A disabled user cannot sign in, and all sessions end. The history in the log is kept.";
        EnableTitle => "Ophæv spærringen", "Enable the user";
        ResetPasswordTitle => "Sæt ny adgangskode", "Set a new password";
        ResetPasswordHint => "Giv brugeren den nye adgangskode ad en anden vej end e-mail, fx mundtligt. Brugeren logges ud alle steder og kan selv skifte den bagefter.", "Give the user the new password by another way than e-mail, e.g. in person. The user is signed out everywhere and can change it afterwards.";
        BackToUsers => "Tilbage til brugere", "Back to users";
        ReportTitle => "Beslutningsgrundlag", "Decision material";
        ReportOpen => "Se beslutningsgrundlaget", "See the decision material";
        MemoLink => "Høringsnotat til udskrift", "Printable hearing memo";
        SurveyMemoLink => "Notat til udskrift", "Printable memo";
        UnitBesideLabel => "Én institution ved siden af helheden", "One institution beside the whole";
        UnitBesideNone => "Alle (efter opdelingen)", "All (by the breakdown)";
        ExportStandardShort => "komma og decimalpunktum", "comma and decimal point";
        PreviewFirstRows => "Viser de første {n} af {total} rækker. Alle rækker gemmes.", "Showing the first {n} of {total} rows. All rows are saved.";
        PreviewFirstProblems => "Her vises de første {n}. Ret dem i arket, og indlæs det igen.", "The first {n} are shown. Correct them in the sheet and upload it again.";
        PreviewRows => "Rækkerne i arket", "The sheet's rows";
        ExportsTitle => "Hent data", "Download data";
        ExportAnswersCsv => "Svar (CSV til Excel)", "Answers (CSV for Excel)";
        ExportSummaryCsv => "Opsummering (CSV til Excel)", "Summary (CSV for Excel)";
        ExportGeneralCsv => "Generelle kommentarer (CSV til Excel)", "General comments (CSV for Excel)";
        ExportGeneralShort => "generelle kommentarer", "general comments";
        ExportXlsx => "Svar og opsummering (Excel-fil)", "Answers and summary (Excel file)";
        ExportStandardHint => "Standard-CSV (komma, UTF-8 uden BOM):", "Standard CSV (comma, UTF-8 without BOM):";
        ExportAnswersShort => "svar", "answers";
        ExportSummaryShort => "opsummering", "summary";
        SortLabel => "Rækkefølge", "Order";
        SortCatalogue => "Som i høringsmaterialet", "As in the hearing material";
        SortContested => "Mest omstridt først", "Most contested first";
        GroupFilterLabel => "Målgruppe", "Group";
        AllGroups => "Alle målgrupper", "All groups";
        UnitFilterLabel => "Institution", "Unit";
        AllUnits => "Alle institutioner", "All units";
        AllStates => "Alle", "All";
        NotSubmittedFilter => "Ikke indsendt", "Not submitted";
        SearchBodies => "Søg på navn eller e-mail", "Search by name or e-mail";
        ShowingRows => "Viser {from}–{to} af {total}", "Showing {from}–{to} of {total}";
        NoBodiesMatch => "Ingen høringsparter passer til søgningen.", "No bodies match the search.";
        ClearFilters => "Vis alle", "Show all";
        Pages => "Sider", "Pages";
        PreviousPage => "Forrige side", "Previous page";
        NextPage => "Næste side", "Next page";
        BreakdownLabel => "Opdel efter", "Break down by";
        BreakdownGroup => "Målgruppe", "Group";
        BreakdownUnit => "Institution", "Unit";
        ShowButton => "Vis", "Show";
        ContestedDefinition => "Mest omstridt: den mindste forskel mellem enig og uenig blandt dem, der har taget stilling, målt som |enig − uenig| ÷ (enig + uenig). Ved samme forskel kommer forslaget med flest stillingtagende først; forslag, som ingen har taget stilling til, kommer sidst.", "Most contested: the smallest margin between agree and disagree among those who took a position, measured as |agree − disagree| ÷ (agree + disagree). On equal margins the proposal more bodies took a position on comes first; proposals nobody took a position on come last.";
        RoundingNote => "Kun indsendte høringssvar tæller, hver høringspart én gang med sit seneste svar. Procenterne er afrundet efter største brøks metode, så hver række giver præcis 100.", "Only submitted responses count, each body once with its latest response. Percentages are rounded by the largest remainder method, so every row sums to exactly 100.";
        InvitedCol => "Inviteret", "Invited";
        AnsweredCol => "Svaret", "Answered";
        NoAnswers => "ingen svar", "no answers";
        CommentsCount => "Kommentarer ({n})", "Comments ({n})";
        ShowAllComments => "Vis alle {n} kommentarer", "Show all {n} comments";
        NoComments => "Ingen kommentarer.", "No comments.";
        GeneralComments => "Generelle bemærkninger", "General comments";
        AdminNote => "Forvaltningens bemærkning", "The administration's note";
        SaveNote => "Gem bemærkning", "Save note";
        NoNote => "Ingen bemærkning endnu.", "No note yet.";
        MissingTitle => "Høringsparter, der ikke har svaret", "Bodies that have not answered";
        NobodyMissing => "Alle inviterede har svaret.", "Everybody invited has answered.";
        MissingShown => "Her vises de første {shown} af {n}.", "The first {shown} of {n} are shown here.";
        BarPart => "{answer}: {n}", "{answer}: {n}";
        WithoutUnit => "(uden institution)", "(no unit)";
        MemoTitle => "Høringsnotat", "Hearing memo";
        MemoProcess => "Høringsprocessen", "The hearing process";
        MemoProcessText => "Høringen blev sendt til {invited} høringsparter med høringsfrist {deadline}. {answered} har indsendt et høringssvar ({rate} %).", "The hearing was sent to {invited} bodies with the deadline {deadline}. {answered} submitted a response ({rate} %).";
        MemoOpened => "Høringen blev åbnet {at}.", "The hearing was opened {at}.";
        MemoSummary => "Oversigt over forslagene", "Overview of the proposals";
        MemoLegend => "Tallene er antal høringsparter: E = enig, U = uenig, V = ved ikke, – = ikke besvaret.", "The figures are numbers of bodies: A = agree, D = disagree, K = don't know, – = not answered.";
        MemoLetters => "E/U/V/–", "A/D/K/–";
        MemoItems => "Forslagene enkeltvis", "The proposals one by one";
        MemoAppendix => "Bilag: Høringsparter, der ikke har svaret", "Appendix: bodies that did not answer";
        MemoGenerated => "Udarbejdet {at} i Samråd.", "Produced {at} in Samråd.";
        MemoPrintHint => "Udskriv notatet med browserens udskriftsfunktion (Ctrl+P) på A4, eller gem det som PDF.", "Print the memo with the browser's print function (Ctrl+P) on A4, or save it as PDF.";
        BackToReport => "Tilbage til beslutningsgrundlaget", "Back to the decision material";
        ProposalCol => "Forslag", "Proposal";
        ExportConsultation => "Høring", "Hearing";
        ExportBody => "Høringspart", "Body";
        ExportGroup => "Målgruppe", "Group";
        ExportUnit => "Institution", "Unit";
        ExportSection => "Indsatsområde", "Area";
        ExportNumber => "Nr.", "No.";
        ExportItem => "Forslag", "Proposal";
        ExportAnswer => "Svar", "Answer";
        ExportComment => "Kommentar", "Comment";
        ExportGeneralComment => "Generel kommentar", "General comment";
        ExportSubmittedAt => "Indsendt", "Submitted";
        ExportAnsweredBy => "Antal svar", "Responses";
        ExportAll => "I alt", "Total";
        ExportCount => "{scope}: {answer}, antal", "{scope}: {answer}, count";
        ExportShare => "{scope}: {answer}, %", "{scope}: {answer}, %";
        ExportNote => "Forvaltningens bemærkning", "The administration's note";
        ExportSheetAnswers => "Svar", "Answers";
        ExportSheetSummary => "Opsummering", "Summary";
        ExportSheetGeneral => "Generelle kommentarer", "General comments";
        MsgNoteSaved => "Bemærkningen er gemt.", "The note was saved.";
    }
}

/// The respondent's pages in Arabic. Keys not here read English.
fn arabic(key: Key) -> Option<&'static str> {
    use Key::*;
    Some(match key {
        AppName => "Samråd",
        ErrorPrefix => "خطأ",
        SkipToContent => "انتقل إلى المحتوى",
        A11yTitle => "بيان إمكانية الوصول",
        LanguageSwitch => "اللغة",
        LanguageLabel => "اللغة",
        TitleResponse => "الرد – {body}",
        ResponseFrom => "رد من",
        DeadlineLabel => "الموعد النهائي",
        SurveyDeadlineLabel => "آخر موعد للإجابة",
        SurveyEyebrow => "استبيان",
        Progress => "تمت الإجابة على {done} من {total}",
        PageOf => "الصفحة {n} من {pages}",
        JumpToUnanswered => "إلى أول سؤال بلا إجابة",
        AllAnswered => "تمت الإجابة على جميع الأسئلة.",
        Agree => "أوافق",
        Disagree => "لا أوافق",
        DontKnow => "لا أعرف",
        NotAnswered => "لم تتم الإجابة",
        Likert5 => "أوافق بشدة",
        Likert4 => "أوافق",
        Likert3 => "لا أوافق ولا أعارض",
        Likert2 => "لا أوافق",
        Likert1 => "لا أوافق إطلاقًا",
        NpsLow => "0 = غير محتمل إطلاقًا",
        NpsHigh => "10 = محتمل جدًا",
        ProposalNo => "الاقتراح {code}",
        QuestionNo => "السؤال {code}",
        RequiredMark => "(إجباري)",
        ErrRequired => "يجب الإجابة على هذا السؤال قبل الإرسال.",
        CommentLabel => "تعليق على الاقتراح {code} (اختياري)",
        CommentLimit => "{max} حرف كحد أقصى.",
        GeneralCommentTitle => "تعليق عام",
        GeneralCommentLabel => "ملاحظات على الموضوع ككل (اختياري)",
        SaveDraft => "حفظ المسودة",
        Submit => "إرسال",
        SubmitAnyway => "إرسال على أي حال",
        FormNext => "التالي",
        FormBack => "رجوع",
        AnswerThemFirst => "أجب عليها أولًا",
        ActionsHint => "يمكن لكل من لديه الرابط رؤية المسودة وتعديلها. يمكن تعديل الإجابات المرسلة حتى الموعد النهائي.",
        AnonymousActionsHint => "تُحفظ المسودة لتتمكن من العودة عبر رابطك. لا يمكن تعديل الإجابات المجهولة بعد إرسالها.",
        AnonymityTitle => "إجاباتك مجهولة الهوية",
        AnonymityText => "ترى الإدارة أنك أجبت، لكنها لا ترى أبدًا ماذا أجبت. عند الإرسال تُحفظ الإجابات دون أي صلة بك أو برابطك، ولا تُعرض الأرقام إلا للمجموعات التي لديها {k} إجابات على الأقل. يُعرض النص الحر دون اسم أو وحدة، لكن لا تكتب ما يكشف هويتك.",
        SaveIdle => "يُحفظ تلقائيًا",
        Saving => "جارٍ الحفظ …",
        Saved => "تم الحفظ",
        NotSaved => "لم يتم الحفظ – حاول مرة أخرى",
        TryAgain => "حاول مرة أخرى",
        StatusDraft => "لم يُرسل بعد.",
        StatusSubmitted => "أُرسل في {date} (الإرسال رقم {n}).",
        UnsubmittedChanges => "هناك تغييرات محفوظة لم تُرسل بعد. تذكّر أن ترسل مرة أخرى.",
        NoticeSaved => "تم حفظ المسودة. يمكنك العودة عبر الرابط نفسه.",
        NoticeMerged => "تم الحفظ. غيّر عضو آخر هذه الإجابات في الأثناء، وتم الإبقاء على تغييراته:",
        NoticeConflict => "لم يتم الحفظ: غيّر عضو آخر الإجابات نفسها بعد أن فتحت الصفحة. راجع الاختلافات عند الأسئلة المعلّمة، ثم احفظ مرة أخرى.",
        NoticeInvalid => "لم يتم الحفظ: صحّح الحقول المعلّمة وحاول مرة أخرى. لم يتغير شيء.",
        NoticeRefused => "لم يتم الحفظ: لم يعد يتم قبول الإجابات.",
        NoticeNotStored => "لم يتم الحفظ: لا يستطيع الخادم الحفظ الآن، ولم يتغير شيء. إجاباتك لا تزال هنا على الصفحة — حاول مرة أخرى بعد قليل.",
        ConfirmTitle => "{n} من الأسئلة بلا إجابة",
        ConfirmText => "يمكن ترك بعض الأسئلة بلا إجابة. تم حفظ الإجابات كمسودة. هل تريد الإرسال على أي حال؟",
        ConflictTitle => "غيّر عضو آخر هذه الإجابة",
        ConflictTheirs => "إجابته: {value}",
        ConflictTheirComment => "تعليقه: {comment}",
        ConflictYours => "تعرض الحقول إجابتك أنت. احفظ مرة أخرى للإبقاء عليها، أو عدّلها.",
        UpdatedByOther => "حدّثه عضو آخر.",
        UseTheirs => "استخدم إجابته",
        KeepMine => "احتفظ بإجابتي",
        ErrValueOutOfScale => "اختر إحدى الإجابات المعروضة.",
        ErrNotOffered => "اختر إحدى الإجابات المعروضة مع السؤال.",
        ErrTooManyChoices => "تم اختيار عدد كبير جدًا. اختر {max} كحد أقصى.",
        ChooseAtMost => "اختر {max} كحد أقصى.",
        ErrCommentTooLong => "يحتوي النص على {chars} حرفًا. الحد الأقصى {max} حرف.",
        ErrTextTooLong => "يحتوي النص على {chars} حرفًا. الحد الأقصى {max} حرف.",
        ErrUnknownItem => "احتوى النموذج على سؤال لا ينتمي إلى هذا الاستبيان. أعد تحميل الصفحة وحاول مرة أخرى.",
        ErrMalformed => "تعذّرت قراءة النموذج. أعد تحميل الصفحة وحاول مرة أخرى.",
        LockedDeadline => "انتهى الموعد النهائي ({deadline}). لم يعد من الممكن تغيير الإجابات.",
        LockedClosed => "تم إغلاق الاستبيان. لم يعد من الممكن تغيير الإجابات.",
        LockedNotOpen => "لم يُفتح الاستبيان للإجابات بعد.",
        LockedAnswered => "شكرًا على إجابتك. لقد حُفظت بشكل مجهول ولم تعد مرتبطة برابطك، لذا لا يمكن رؤيتها أو تغييرها – ولا حتى من قبلك.",
        ReceiptTitle => "شكرًا على ردكم",
        ReceiptAnonymousTitle => "شكرًا على إجابتك",
        ReceiptText => "أُرسل الرد من {name} في {date} (الإرسال رقم {n}).",
        ReceiptEdit => "يمكنكم التعديل والإرسال مرة أخرى حتى الموعد النهائي {deadline} عبر الرابط نفسه.",
        EditAnswers => "تعديل الإجابات",
        ReceiptSummary => "إجاباتكم المرسلة",
        InvalidLinkTitle => "هذا الرابط لا يعمل",
        InvalidLinkText => "الرابط غير صالح أو لم يعد نشطًا. تأكد من استخدام الرابط كاملًا من البريد الإلكتروني. تواصل مع الإدارة إذا لم تتمكن من الدخول.",
        NotFoundTitle => "الصفحة غير موجودة",
        NotFoundText => "تحقق من العنوان، أو استخدم الرابط من بريدك الإلكتروني.",
        ServerError => "حدث خطأ من جهتنا، ولم يتغير شيء. حاول مرة أخرى بعد قليل.",
        OpenFor => "لـ {unit}",
        OpenIntro => "تُحفظ الإجابات دون اسم ودون أي صلة بك، ولا تُعرض الأرقام إلا للمجموعات التي لديها 5 إجابات على الأقل. يمكنك الحفظ أثناء الإجابة والعودة في المتصفح نفسه.",
        OpenStart => "ابدأ",
        OpenAgain => "أجب مرة أخرى",
        OpenAnsweredBefore => "تمت الإجابة بالفعل من هذا المتصفح. هل تريد الإجابة مرة أخرى، مثلًا عن طفل آخر؟",
        OpenCodeLabel => "رمز الدخول من الملصق",
        OpenWrongCode => "رمز الدخول غير صحيح. تجده على الملصق تحت رمز QR.",
        OpenTooMany => "بدأت إجابات كثيرة من هذا العنوان خلال الساعة الماضية. حاول مرة أخرى بعد ساعة.",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_every_language() {
        // Built without the administration's pages, the table holds the respondent's.
        let keys = if cfg!(feature = "admin-ui") {
            Key::ALL
        } else {
            Key::RESPONDENT
        };
        for key in keys {
            for lang in Lang::ALL {
                assert!(
                    !key.text(lang).trim().is_empty(),
                    "{key:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_the_same_in_both_languages() {
        let names = |text: &str| {
            let mut found: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            found.sort();
            found
        };
        for key in Key::ALL {
            for lang in [Lang::En, Lang::Ar] {
                assert_eq!(
                    names(key.text(Lang::Da)),
                    names(key.text(lang)),
                    "{key:?} in {lang:?}"
                );
            }
        }
    }

    /// Every text the respondent's pages use is in Arabic, not English by fallback.
    #[test]
    fn the_respondents_pages_are_complete_in_arabic() {
        let sources = [
            include_str!("pages/respond/mod.rs"),
            include_str!("pages/respond/autosave.rs"),
            include_str!("pages/receipt.rs"),
            include_str!("pages/open_link.rs"),
            include_str!("pages/mod.rs"),
            include_str!("components/answer_scale.rs"),
            include_str!("components/language_switch.rs"),
            include_str!("model/answer.rs"),
        ];
        let used: std::collections::BTreeSet<&str> =
            sources.iter().flat_map(|s| keys_named(s)).collect();
        let missing: Vec<&str> = used
            .into_iter()
            .filter(|name| {
                Key::ALL
                    .iter()
                    .find(|k| format!("{k:?}") == *name)
                    .is_some_and(|k| arabic(*k).is_none())
            })
            .collect();
        assert!(missing.is_empty(), "not in Arabic: {missing:?}");
    }

    /// The names after `Key::` in a source file.
    fn keys_named(source: &str) -> impl Iterator<Item = &str> {
        source
            .split("Key::")
            .skip(1)
            .map(|rest| {
                rest.split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("")
            })
            .filter(|name| name.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
    }

    /// The respondent's bundle holds the texts of [`Key::RESPONDENT`] only, so every
    /// key a file compiled into it names must be one of them.
    #[test]
    fn the_respondents_bundle_holds_every_text_its_files_name() {
        // Not in that bundle: the server's modules (`ssr`), the administration's pages
        // and server functions (`admin-ui`), and this table.
        const OUTSIDE: [&str; 5] = ["backend", "edge", "pages/admin", "api/admin.rs", "i18n.rs"];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut folders = vec![root.clone()];
        let mut sources = Vec::new();
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                let relative = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                if OUTSIDE.iter().any(|o| relative.starts_with(o)) {
                    continue;
                }
                if path.is_dir() {
                    folders.push(path);
                } else if relative.ends_with(".rs") {
                    sources.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        assert!(sources.len() > 10, "the sources were not found");
        let named: std::collections::BTreeSet<&str> =
            sources.iter().flat_map(|s| keys_named(s)).collect();
        let missing: Vec<&str> = named
            .into_iter()
            .filter(|name| !Key::RESPONDENT.iter().any(|k| format!("{k:?}") == *name))
            .collect();
        assert!(
            missing.is_empty(),
            "named in the respondent's bundle, but among the administration's texts: {missing:?}"
        );
    }

    #[test]
    fn fill_and_number_format_per_language() {
        assert_eq!(
            Lang::Da.fill(Key::Progress, &[("done", "17"), ("total", "42")]),
            "17 af 42 besvaret"
        );
        assert_eq!(
            Lang::Da.fill(Key::Progress, &[("done", "{total}"), ("total", "42")]),
            "{total} af 42 besvaret"
        );
        assert_eq!(
            Lang::Da.fill(Key::Progress, &[("done", "1")]),
            "1 af {total} besvaret"
        );
        assert_eq!(Lang::Da.number(5000), "5.000");
        assert_eq!(Lang::En.number(1234567), "1,234,567");
        assert_eq!(Lang::Da.number(42), "42");
    }

    #[test]
    fn any_well_formed_tag_has_a_chrome() {
        assert_eq!(Lang::from_tag("ar-EG"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("so"), Some(Lang::En));
        assert_eq!(Lang::from_tag("da"), Some(Lang::Da));
        assert_eq!(Lang::from_tag("not a tag"), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
    }
}
