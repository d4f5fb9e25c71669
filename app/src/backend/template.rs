//! The built-in templates: the municipal development plan for school and day care (a
//! hearing, 42 proposals in nine areas), and the staff wellbeing survey.

use crate::model::{ConsultationKind, ItemKind};
use TemplateItem::*;

pub struct TemplateSection {
    pub title: &'static str,
    pub description: &'static str,
    /// Asked only when the item with this code (`<section>.<item>`, counted from 1)
    /// is answered with one of these options.
    pub show_if: Option<(&'static str, &'static [&'static str])>,
    pub items: &'static [TemplateItem],
}

/// One item of a template, by kind.
pub enum TemplateItem {
    /// A hearing's proposal: enig / uenig / ved ikke.
    Agree(&'static str),
    /// A statement on the five-step scale, "ved ikke" apart.
    Likert(&'static str),
    /// 0–10, "how likely is it that you would recommend …".
    Nps(&'static str),
    Single(&'static str, &'static [&'static str]),
    /// Checkboxes, with the most that may be chosen (`None`: any number).
    Multi(&'static str, &'static [&'static str], Option<u32>),
    /// Free text.
    Text(&'static str),
}

impl TemplateItem {
    pub fn text(&self) -> &'static str {
        match self {
            Agree(t) | Likert(t) | Nps(t) | Text(t) | Single(t, _) | Multi(t, _, _) => t,
        }
    }

    pub fn kind(&self) -> ItemKind {
        let options = |o: &[&str]| o.iter().map(|s| (*s).to_owned()).collect();
        match self {
            Agree(_) => ItemKind::AgreeDisagree,
            Likert(_) => ItemKind::Likert5,
            Nps(_) => ItemKind::Nps,
            Single(_, o) => ItemKind::Single {
                options: options(o),
            },
            Multi(_, o, max) => ItemKind::Multi {
                options: options(o),
                max: *max,
            },
            Text(_) => ItemKind::Text,
        }
    }
}

pub struct Template {
    pub kind: ConsultationKind,
    /// Surveys of staff and parents are anonymous: see `respond` for what that means.
    pub anonymous: bool,
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [TemplateSection],
    /// The template's texts in further languages: per BCP 47 tag, pairs of (the
    /// Danish text, its translation) for the title, intro, section titles and
    /// descriptions, items and options. A text without a pair stays Danish.
    pub translations: &'static [(&'static str, &'static [(&'static str, &'static str)])],
}

pub const DEVELOPMENT_PLAN: Template = Template {
    translations: &[],
    kind: ConsultationKind::Hearing,
    anonymous: false,
    title: "Høring om udviklingsplan for skole og dagtilbud",
    intro: "Børne- og Ungeudvalget har sendt forslaget til udviklingsplan for skole og dagtilbud 2027–2030 i høring.\n\n\
Planen indeholder 42 konkrete indsatser fordelt på ni indsatsområder. Vi beder jer tage stilling til hver indsats: er I enige, uenige, eller ved I det ikke? I kan skrive en kommentar til hver indsats og en generel kommentar til sidst.\n\n\
Svaret afgives samlet for bestyrelsen, udvalget eller organisationen. Alle med linket kan arbejde i den samme kladde, og I kan rette jeres svar frem til høringsfristen.",
    sections: &[
        TemplateSection {
            title: "Status på folkeskolereformens indsatsområder",
            description: "Den understøttende undervisning, bevægelse og den åbne skole.",
            show_if: None,
            items: &[
                Agree("Den understøttende undervisning samles i faste ugentlige lektioner med et tydeligt fagligt formål for hver årgang."),
                Agree("Alle elever har mindst 45 minutters bevægelse om dagen, fordelt på fag og frikvarterer."),
                Agree("Hver skole indgår mindst tre aftaler om åben skole med lokale foreninger, virksomheder eller kulturinstitutioner."),
                Agree("Lektiecafeen flyttes til skoledagens sidste time, så alle elever kan deltage."),
                Agree("Skolerne måler årligt elevernes trivsel og offentliggør en handleplan på skolens hjemmeside."),
            ],
        },
        TemplateSection {
            title: "Digitalisering",
            description: "Digitale læremidler, dannelse og kompetencer.",
            show_if: None,
            items: &[
                Agree("Alle elever fra 3. klasse får en personlig computer, som skolen vedligeholder."),
                Agree("Der indføres en fælles plan for digital dannelse fra børnehaveklasse til 9. klasse."),
                Agree("Lærere og pædagoger får 20 timers efteruddannelse i brug af digitale læremidler."),
                Agree("Forældrekommunikation samles i én platform med automatisk oversættelse til de mest udbredte sprog."),
                Agree("Mobiltelefoner opbevares i skoletiden, undtagen når de bruges i undervisningen."),
            ],
        },
        TemplateSection {
            title: "Program for Læringsledelse",
            description: "Ledelse af læring på alle niveauer, fra forvaltning til klasselokale.",
            show_if: None,
            items: &[
                Agree("Skoleledelsen holder læringssamtaler med hvert årgangsteam to gange om året."),
                Agree("Data om elevernes læring og trivsel drøftes på faste teammøder hver sjette uge."),
                Agree("Hver skole udpeger en læringsvejleder med tid afsat i opgaveoversigten."),
                Agree("Forvaltningen udgiver en årlig kvalitetsrapport med fokus på progression frem for niveau."),
                Agree("Nyuddannede lærere og pædagoger får en mentor det første år."),
            ],
        },
        TemplateSection {
            title: "Inklusion/eksklusion",
            description: "Flere børn i fællesskabet og færre i særlige tilbud.",
            show_if: None,
            items: &[
                Agree("Der oprettes et inklusionsteam på hver skole med lærer, pædagog og psykolog."),
                Agree("Andelen af elever i specialtilbud nedbringes gradvist over fire år, med midlerne fulgt over i almenskolen."),
                Agree("Elever, der vender tilbage fra et specialtilbud, får en plan for tilbagevenden udarbejdet med forældrene."),
                Agree("Klasser med særlige udfordringer kan få tildelt to-voksen-timer efter ansøgning."),
                Agree("Forældre til børn med særlige behov får én fast kontaktperson i forvaltningen."),
            ],
        },
        TemplateSection {
            title: "PLC",
            description: "Pædagogiske læringscentre som drivkraft for udvikling.",
            show_if: None,
            items: &[
                Agree("Hver skoles pædagogiske læringscenter bemandes mindst 30 timer om ugen."),
                Agree("PLC tilbyder vejledning i læsning, matematik og digitale læremidler til alle team."),
                Agree("Skolebiblioteket holder åbent for elever i alle frikvarterer."),
                Agree("PLC-vejlederne mødes i et kommunalt netværk fire gange om året."),
            ],
        },
        TemplateSection {
            title: "Gode overgange",
            description: "Fra hjem til dagtilbud, fra dagtilbud til skole, og videre til ungdomsuddannelse.",
            show_if: None,
            items: &[
                Agree("Der laves en fælles overgangsbeskrivelse for hvert barn ved skift fra dagtilbud til skole; forældrene giver samtykke."),
                Agree("Pædagoger fra dagtilbud følger børnene i de første uger i børnehaveklassen."),
                Agree("Kommende skolebørn besøger skolen mindst tre gange i foråret før skolestart."),
                Agree("Elever i 8. klasse får et brobygningsforløb på en ungdomsuddannelse."),
                Agree("Overlevering mellem skole og fritidstilbud sker på et fast møde i august."),
            ],
        },
        TemplateSection {
            title: "Kvalitet i dagtilbud",
            description: "Den styrkede pædagogiske læreplan, normeringer og fysiske rammer.",
            show_if: None,
            items: &[
                Agree("Minimumsnormeringerne overholdes i hvert enkelt dagtilbud, ikke kun som gennemsnit for kommunen."),
                Agree("Hvert dagtilbud evaluerer sin pædagogiske læreplan hvert andet år med forældrebestyrelsen."),
                Agree("Der afsættes midler til at forbedre indeklimaet i de ældste institutioner."),
                Agree("Andelen af uddannet pædagogisk personale øges til 70 procent inden 2030."),
                Agree("Forældre får mulighed for en årlig samtale om deres barns trivsel og udvikling."),
            ],
        },
        TemplateSection {
            title: "Tidlig indsats",
            description: "Hjælp tidligt i barnets liv og tidligt i problemets udvikling.",
            show_if: None,
            items: &[
                Agree("Sprogvurdering af alle 3-årige gennemføres af sprogpædagoger."),
                Agree("Tværfaglige teams (PPR, sundhedspleje, socialrådgiver) mødes hver 6. uge."),
                Agree("Sundhedsplejen tilbyder et ekstra hjemmebesøg til familier med behov."),
                Agree("Bekymringer om et barns trivsel skal kunne drøftes med PPR inden for 14 dage."),
            ],
        },
        TemplateSection {
            title: "Tosprogede",
            description: "Sprog, skolegang og samarbejde med familier med et andet modersmål end dansk.",
            show_if: None,
            items: &[
                Agree("Forældremøder tilbydes med tolk på de mest udbredte sprog."),
                Agree("Tosprogede elever visiteres til dansk som andetsprog på deres egen skole frem for på en modtageskole."),
                Agree("Modersmålsundervisning tilbydes til alle elever, hvor der er mindst 12 tilmeldte."),
                Agree("Der ansættes kulturmødemedarbejdere, der kan bygge bro mellem skole og hjem."),
            ],
        },
    ],
};

/// The staff wellbeing survey: 25 statements in five areas, eNPS and two open
/// questions. Anonymous, reported per unit only where at least the minimum group size
/// answered.
pub const STAFF_WELLBEING: Template = Template {
    translations: &[],
    kind: ConsultationKind::Survey,
    anonymous: true,
    title: "Trivselsundersøgelse for medarbejdere",
    intro: "Vi vil gerne vide, hvordan du har det på din arbejdsplads. Svarene bruges af MED-udvalget og ledelsen til at tale om, hvad der fungerer, og hvad der skal ændres.\n\n\
Undersøgelsen tager omkring ti minutter. Du kan gemme undervejs og vende tilbage via linket i e-mailen.",
    sections: &[
        TemplateSection {
            title: "Arbejdsglæde og engagement",
            description: "Hvordan du har det med dit arbejde i det daglige.",
            show_if: None,
            items: &[
                Likert("Jeg glæder mig til at gå på arbejde."),
                Likert("Mit arbejde giver mening for mig."),
                Likert("Jeg er stolt af at fortælle, hvor jeg arbejder."),
                Likert("Jeg bruger mine evner godt i mit arbejde."),
                Likert("Jeg forventer at arbejde her om to år."),
            ],
        },
        TemplateSection {
            title: "Ledelse",
            description: "Din nærmeste leder og ledelsen på arbejdspladsen.",
            show_if: None,
            items: &[
                Likert("Min nærmeste leder giver mig anerkendelse for godt arbejde."),
                Likert("Min nærmeste leder er god til at løse konflikter."),
                Likert("Ledelsen informerer i god tid om beslutninger, der har betydning for mit arbejde."),
                Likert("Jeg har tillid til de udmeldinger, ledelsen kommer med."),
                Likert("Jeg har mulighed for at få sparring med min leder, når jeg har brug for det."),
            ],
        },
        TemplateSection {
            title: "Samarbejde og social kapital",
            description: "Samarbejdet med kolleger og tilliden på arbejdspladsen.",
            show_if: None,
            items: &[
                Likert("Jeg får hjælp og støtte fra mine kolleger, når jeg har brug for det."),
                Likert("Vi deler viden og erfaringer i mit team."),
                Likert("Konflikter bliver løst på en retfærdig måde."),
                Likert("Arbejdet fordeles retfærdigt."),
                Likert("Der er et godt samarbejde mellem faggrupperne."),
            ],
        },
        TemplateSection {
            title: "Arbejdsbelastning",
            description: "Tid, tempo og grænser.",
            show_if: None,
            items: &[
                Likert("Jeg har tid nok til at udføre mine arbejdsopgaver ordentligt."),
                Likert("Jeg kan holde fri uden at tænke på arbejdet."),
                Likert("Jeg ved, hvad der forventes af mig i mit arbejde."),
                Likert("Jeg kan sige fra over for opgaver, når jeg har for meget at lave."),
                Likert("Jeg føler mig sjældent stresset af mit arbejde."),
            ],
        },
        TemplateSection {
            title: "Kompetenceudvikling",
            description: "Læring og udvikling i jobbet.",
            show_if: None,
            items: &[
                Likert("Jeg har de kompetencer, mit arbejde kræver."),
                Likert("Jeg har mulighed for at lære nyt i mit arbejde."),
                Likert("Jeg har haft en udviklingssamtale inden for det seneste år."),
                Likert("Aftaler fra min udviklingssamtale bliver fulgt op."),
                Likert("Nye kolleger får en god introduktion."),
            ],
        },
        TemplateSection {
            title: "Samlet vurdering",
            description: "Til sidst: din samlede vurdering og dine egne ord.",
            show_if: None,
            items: &[
                Nps("Hvor sandsynligt er det, at du vil anbefale din arbejdsplads til en ven eller bekendt?"),
                Text("Hvad er det bedste ved at arbejde her?"),
                Text("Hvad skal vi blive bedre til?"),
            ],
        },
    ],
};

/// Parents' satisfaction with their child's daycare or school, for open links on a
/// poster: the first question asks which, and leads to a daycare or a school section
/// (skip logic); the rest is asked of all. 24 items, 21 on either path.
pub const PARENT_SATISFACTION: Template = Template {
    translations: &[("en", PARENT_EN), ("ar", PARENT_AR)],
    kind: ConsultationKind::Survey,
    anonymous: true,
    title: "Forældretilfredshed",
    intro: PARENT_INTRO,
    sections: &[
        TemplateSection {
            title: "Om dit barn",
            description: "",
            show_if: None,
            items: &[Single("Hvilket tilbud går dit barn i?", &[PARENT_DAYCARE, PARENT_SCHOOL])],
        },
        TemplateSection {
            title: "Dagtilbuddet",
            description: "Vuggestue, børnehave eller dagpleje.",
            show_if: Some(("1.1", &[PARENT_DAYCARE])),
            items: &[
                Likert("Mit barn bliver taget imod af en voksen, det kender, når det kommer om morgenen."),
                Likert("Der er gode muligheder for leg og bevægelse, både inde og ude."),
                Likert("Jeg får at vide, hvordan mit barns sprog og udvikling går."),
            ],
        },
        TemplateSection {
            title: "Skolen",
            description: "Undervisningen og skoledagen.",
            show_if: Some(("1.1", &[PARENT_SCHOOL])),
            items: &[
                Likert("Mit barn lærer det, det skal, i skolen."),
                Likert("Skolen griber ind, hvis der er mobning eller konflikter."),
                Likert("Lektier og skolearbejde fylder passende i vores hverdag."),
            ],
        },
        TemplateSection {
            title: "Trivsel og udvikling",
            description: "Hvordan dit barn har det i hverdagen.",
            show_if: None,
            items: &[
                Likert("Mit barn er glad for at komme i sit tilbud."),
                Likert("Mit barn har gode venner i sit tilbud."),
                Likert("Personalet kender mit barn godt."),
                Likert("Der bliver taget godt hånd om mit barn, når det er ked af det."),
            ],
        },
        TemplateSection {
            title: "Samarbejde med forældre",
            description: "Information, dialog og kontakt.",
            show_if: None,
            items: &[
                Likert("Jeg får den information, jeg har brug for, om mit barns hverdag."),
                Likert("Jeg bliver taget godt imod, når jeg er i kontakt med personalet."),
                Likert("Jeg kan tale med personalet, hvis jeg er bekymret for mit barn."),
                Likert("Informationen fra tilbuddet er let at forstå."),
                Multi(
                    "Hvordan får du helst information?",
                    &[
                        "Forældreappen",
                        "Samtale ved aflevering eller afhentning",
                        "E-mail",
                        "Forældremøder",
                        "Opslag ved indgangen",
                    ],
                    Some(2),
                ),
            ],
        },
        TemplateSection {
            title: "Rammer",
            description: "Lokaler, personale og åbningstider.",
            show_if: None,
            items: &[
                Likert("De fysiske rammer (lokaler, legeplads, skolegård) er gode."),
                Likert("Der er voksne nok til børnene."),
                Likert("Åbningstiderne passer til min families behov."),
            ],
        },
        TemplateSection {
            title: "Samlet vurdering",
            description: "",
            show_if: None,
            items: &[
                Likert("Jeg er samlet set tilfreds med mit barns tilbud."),
                Nps("Hvor sandsynligt er det, at du vil anbefale tilbuddet til andre forældre?"),
                Single(
                    "Hvilket sprog taler I mest derhjemme?",
                    &["Dansk", "Arabisk", "Somali", "Tyrkisk", "Ukrainsk", "Urdu", "Andet"],
                ),
                Text("Hvad er det bedste ved tilbuddet?"),
                Text("Hvad kan tilbuddet gøre bedre?"),
            ],
        },
    ],
};

const PARENT_INTRO: &str = "Vi vil gerne høre, hvordan du som forælder oplever dit barns dagtilbud eller skole. Svarene bruges af forældrebestyrelsen og ledelsen til at blive bedre.\n\n\
Det tager omkring fem minutter. Har du flere børn, kan du svare for hvert barn.";

/// The parent survey in English, for parents more at home in it than in Danish.
const PARENT_EN: &[(&str, &str)] = &[
    ("Forældretilfredshed", "Parent satisfaction"),
    (PARENT_INTRO, "We would like to hear how you, as a parent, experience your child's daycare or school. The answers are used by the parent board and the management to improve.\n\nIt takes about five minutes. If you have more than one child, you can answer for each child."),
    ("Om dit barn", "About your child"),
    ("Hvilket tilbud går dit barn i?", "Which service does your child attend?"),
    (PARENT_DAYCARE, "Daycare (nursery, kindergarten, childminder)"),
    (PARENT_SCHOOL, "School"),
    ("Dagtilbuddet", "The daycare"),
    ("Vuggestue, børnehave eller dagpleje.", "Nursery, kindergarten or childminder."),
    ("Mit barn bliver taget imod af en voksen, det kender, når det kommer om morgenen.", "My child is welcomed by an adult it knows when it arrives in the morning."),
    ("Der er gode muligheder for leg og bevægelse, både inde og ude.", "There are good opportunities for play and movement, both inside and outside."),
    ("Jeg får at vide, hvordan mit barns sprog og udvikling går.", "I am told how my child's language and development are going."),
    ("Skolen", "The school"),
    ("Undervisningen og skoledagen.", "Teaching and the school day."),
    ("Mit barn lærer det, det skal, i skolen.", "My child learns what it should at school."),
    ("Skolen griber ind, hvis der er mobning eller konflikter.", "The school steps in if there is bullying or conflict."),
    ("Lektier og skolearbejde fylder passende i vores hverdag.", "Homework and schoolwork take up a reasonable part of our everyday life."),
    ("Trivsel og udvikling", "Wellbeing and development"),
    ("Hvordan dit barn har det i hverdagen.", "How your child is doing day to day."),
    ("Mit barn er glad for at komme i sit tilbud.", "My child is happy to go to daycare or school."),
    ("Mit barn har gode venner i sit tilbud.", "My child has good friends there."),
    ("Personalet kender mit barn godt.", "The staff know my child well."),
    ("Der bliver taget godt hånd om mit barn, når det er ked af det.", "My child is well looked after when it is sad."),
    ("Samarbejde med forældre", "Working with parents"),
    ("Information, dialog og kontakt.", "Information, dialogue and contact."),
    ("Jeg får den information, jeg har brug for, om mit barns hverdag.", "I get the information I need about my child's day."),
    ("Jeg bliver taget godt imod, når jeg er i kontakt med personalet.", "I am well received when I am in contact with the staff."),
    ("Jeg kan tale med personalet, hvis jeg er bekymret for mit barn.", "I can talk to the staff if I am worried about my child."),
    ("Informationen fra tilbuddet er let at forstå.", "The information from the daycare or school is easy to understand."),
    ("Hvordan får du helst information?", "How do you prefer to get information?"),
    ("Forældreappen", "The parent app"),
    ("Samtale ved aflevering eller afhentning", "A talk at drop-off or pick-up"),
    ("E-mail", "E-mail"),
    ("Forældremøder", "Parent meetings"),
    ("Opslag ved indgangen", "Notices at the entrance"),
    ("Rammer", "Surroundings"),
    ("Lokaler, personale og åbningstider.", "Rooms, staff and opening hours."),
    ("De fysiske rammer (lokaler, legeplads, skolegård) er gode.", "The physical surroundings (rooms, playground, schoolyard) are good."),
    ("Der er voksne nok til børnene.", "There are enough adults for the children."),
    ("Åbningstiderne passer til min families behov.", "The opening hours suit my family's needs."),
    ("Samlet vurdering", "Overall"),
    ("Jeg er samlet set tilfreds med mit barns tilbud.", "Overall, I am satisfied with my child's daycare or school."),
    ("Hvor sandsynligt er det, at du vil anbefale tilbuddet til andre forældre?", "How likely is it that you would recommend it to other parents?"),
    ("Hvilket sprog taler I mest derhjemme?", "Which language do you speak most at home?"),
    ("Dansk", "Danish"),
    ("Arabisk", "Arabic"),
    ("Somali", "Somali"),
    ("Tyrkisk", "Turkish"),
    ("Ukrainsk", "Ukrainian"),
    ("Urdu", "Urdu"),
    ("Andet", "Other"),
    ("Hvad er det bedste ved tilbuddet?", "What is the best thing about it?"),
    ("Hvad kan tilbuddet gøre bedre?", "What could it do better?"),
];

/// The parent survey in Arabic.
const PARENT_AR: &[(&str, &str)] = &[
    ("Forældretilfredshed", "رضا أولياء الأمور"),
    (PARENT_INTRO, "نود أن نعرف كيف ترى، بصفتك وليّ أمر، دار رعاية طفلك أو مدرسته. يستخدم مجلس أولياء الأمور والإدارة الإجابات للتحسين.\n\nيستغرق ذلك نحو خمس دقائق. إذا كان لديك أكثر من طفل، يمكنك الإجابة عن كل طفل."),
    ("Om dit barn", "عن طفلك"),
    ("Hvilket tilbud går dit barn i?", "أين يذهب طفلك؟"),
    (PARENT_DAYCARE, "دار رعاية (حضانة، روضة، رعاية منزلية)"),
    (PARENT_SCHOOL, "مدرسة"),
    ("Dagtilbuddet", "دار الرعاية"),
    ("Vuggestue, børnehave eller dagpleje.", "حضانة أو روضة أو رعاية منزلية."),
    ("Mit barn bliver taget imod af en voksen, det kender, når det kommer om morgenen.", "يستقبل طفلي شخصٌ بالغ يعرفه عندما يصل في الصباح."),
    ("Der er gode muligheder for leg og bevægelse, både inde og ude.", "توجد فرص جيدة للعب والحركة في الداخل والخارج."),
    ("Jeg får at vide, hvordan mit barns sprog og udvikling går.", "أُبلَّغ بكيفية تطور لغة طفلي ونموه."),
    ("Skolen", "المدرسة"),
    ("Undervisningen og skoledagen.", "التدريس واليوم الدراسي."),
    ("Mit barn lærer det, det skal, i skolen.", "يتعلم طفلي ما ينبغي أن يتعلمه في المدرسة."),
    ("Skolen griber ind, hvis der er mobning eller konflikter.", "تتدخل المدرسة إذا حدث تنمّر أو نزاعات."),
    ("Lektier og skolearbejde fylder passende i vores hverdag.", "تأخذ الواجبات المنزلية والعمل المدرسي حيزًا مناسبًا من حياتنا اليومية."),
    ("Trivsel og udvikling", "الرفاهية والنمو"),
    ("Hvordan dit barn har det i hverdagen.", "كيف حال طفلك في الحياة اليومية."),
    ("Mit barn er glad for at komme i sit tilbud.", "طفلي سعيد بالذهاب إلى دار الرعاية أو المدرسة."),
    ("Mit barn har gode venner i sit tilbud.", "لدى طفلي أصدقاء جيدون هناك."),
    ("Personalet kender mit barn godt.", "يعرف الموظفون طفلي جيدًا."),
    ("Der bliver taget godt hånd om mit barn, når det er ked af det.", "يُعتنى بطفلي جيدًا عندما يكون حزينًا."),
    ("Samarbejde med forældre", "التعاون مع أولياء الأمور"),
    ("Information, dialog og kontakt.", "المعلومات والحوار والتواصل."),
    ("Jeg får den information, jeg har brug for, om mit barns hverdag.", "أحصل على المعلومات التي أحتاجها عن يوم طفلي."),
    ("Jeg bliver taget godt imod, når jeg er i kontakt med personalet.", "أُستقبل جيدًا عندما أتواصل مع الموظفين."),
    ("Jeg kan tale med personalet, hvis jeg er bekymret for mit barn.", "أستطيع التحدث مع الموظفين إذا كنت قلقًا على طفلي."),
    ("Informationen fra tilbuddet er let at forstå.", "المعلومات التي تصلني سهلة الفهم."),
    ("Hvordan får du helst information?", "كيف تفضّل أن تصلك المعلومات؟"),
    ("Forældreappen", "تطبيق أولياء الأمور"),
    ("Samtale ved aflevering eller afhentning", "حديث عند التوصيل أو الاستلام"),
    ("E-mail", "البريد الإلكتروني"),
    ("Forældremøder", "اجتماعات أولياء الأمور"),
    ("Opslag ved indgangen", "إعلانات عند المدخل"),
    ("Rammer", "البيئة والمرافق"),
    ("Lokaler, personale og åbningstider.", "الغرف والموظفون وساعات العمل."),
    ("De fysiske rammer (lokaler, legeplads, skolegård) er gode.", "المرافق (الغرف، الملعب، ساحة المدرسة) جيدة."),
    ("Der er voksne nok til børnene.", "يوجد عدد كافٍ من البالغين للأطفال."),
    ("Åbningstiderne passer til min families behov.", "تناسب ساعات العمل احتياجات عائلتي."),
    ("Samlet vurdering", "التقييم العام"),
    ("Jeg er samlet set tilfreds med mit barns tilbud.", "أنا راضٍ بشكل عام عن دار رعاية طفلي أو مدرسته."),
    ("Hvor sandsynligt er det, at du vil anbefale tilbuddet til andre forældre?", "ما مدى احتمال أن توصي به لأولياء أمور آخرين؟"),
    ("Hvilket sprog taler I mest derhjemme?", "ما اللغة التي تتحدثونها أكثر في المنزل؟"),
    ("Dansk", "الدنماركية"),
    ("Arabisk", "العربية"),
    ("Somali", "الصومالية"),
    ("Tyrkisk", "التركية"),
    ("Ukrainsk", "الأوكرانية"),
    ("Urdu", "الأردية"),
    ("Andet", "أخرى"),
    ("Hvad er det bedste ved tilbuddet?", "ما أفضل شيء فيه؟"),
    ("Hvad kan tilbuddet gøre bedre?", "ما الذي يمكن تحسينه؟"),
];

/// The parent survey's two branches, as its first question offers them.
pub const PARENT_DAYCARE: &str = "Dagtilbud (vuggestue, børnehave, dagpleje)";
pub const PARENT_SCHOOL: &str = "Skole";

impl Template {
    /// Every built-in template, under the name the creation form posts.
    pub const BUILT_IN: [(&'static str, &'static Template); 3] = [
        ("template", &DEVELOPMENT_PLAN),
        ("staff", &STAFF_WELLBEING),
        ("parents", &PARENT_SATISFACTION),
    ];

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_development_plan_has_42_proposals_in_nine_areas() {
        assert_eq!(DEVELOPMENT_PLAN.sections.len(), 9);
        assert_eq!(DEVELOPMENT_PLAN.item_count(), 42);
        assert!(DEVELOPMENT_PLAN
            .sections
            .iter()
            .all(|s| !s.items.is_empty()));
        assert!(DEVELOPMENT_PLAN
            .sections
            .iter()
            .flat_map(|s| s.items)
            .all(|i| i.kind() == ItemKind::AgreeDisagree));
    }

    #[test]
    fn the_parent_survey_asks_which_offer_first_and_branches_on_it() {
        let first = &PARENT_SATISFACTION.sections[0].items[0];
        assert_eq!(first.text(), "Hvilket tilbud går dit barn i?");
        assert_eq!(first.kind().options(), [PARENT_DAYCARE, PARENT_SCHOOL]);
        let on_path = |choice: &str| {
            PARENT_SATISFACTION
                .sections
                .iter()
                .filter(|s| {
                    s.show_if
                        .is_none_or(|(code, any)| code == "1.1" && any.contains(&choice))
                })
                .map(|s| s.items.len())
                .sum::<usize>()
        };
        assert_eq!(PARENT_SATISFACTION.item_count(), 24);
        assert_eq!(on_path(PARENT_DAYCARE), 21);
        assert_eq!(on_path(PARENT_SCHOOL), 21);
    }

    #[test]
    fn the_staff_survey_has_25_statements_an_enps_and_two_open_questions() {
        let items: Vec<&TemplateItem> = STAFF_WELLBEING
            .sections
            .iter()
            .flat_map(|s| s.items)
            .collect();
        let count = |k: &str| items.iter().filter(|i| i.kind().name() == k).count();
        assert_eq!(count("likert5"), 25);
        assert_eq!(count("nps"), 1);
        assert_eq!(count("text"), 2);
    }
}
