"""Provides the catalogue of UI strings in English, French and Arabic, and :func:`tr` to look
them up.

Every word the interface shows (titles, buttons, bindings, notices) comes from here; questionnaire
text comes from the questionnaire itself. A key missing from the catalogue is a bug, so it raises.
Each entry is ``(English, French, Arabic)``, in the order of
:data:`compliance.languages.LANGUAGES` (the order F2 goes through them), so a translator
reads the three side by side and an entry without its Arabic does not type-check.

French entries are typeset on the way out (:func:`compliance.typography.french`: a no-break space
before ``: ; ! ? %``, « quotes »), before their values are put in, so an entry may be written with
an ordinary space and a value a user typed is never touched.

Arabic entries use the terms of the Arabic glossary (``questionnaires/glossary/ar.yaml``: the
official words of Law 09-08 and Decree 2-09-165) and Arabic punctuation (``،`` ``؛`` ``؟``), and
are written without harakat, tatweel or bidi control characters: a terminal draws cells left to
right, so text stays in logical order and a mark that is not a cell of its own could shift a
column (README, "Arabic in the terminal"). Key caps (Esc, Tab, Ctrl+S) stay as the keyboard prints
them.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from compliance.languages import LANGUAGES
from compliance.typography import french

__all__ = ["LANGUAGES", "STRINGS", "next_language", "tr"]


STRINGS: Final[dict[str, tuple[str, str, str]]] = {
    # app and bindings
    "app.title": (
        "Compliance — Law 09-08 / GDPR",
        "Conformité — Loi 09-08 / RGPD",
        "المطابقة — القانون رقم 09.08 / اللائحة العامة لحماية البيانات",
    ),
    "key.quit": ("Quit", "Quitter", "خروج"),
    "key.help": ("Help", "Aide", "مساعدة"),
    "key.lang": ("FR", "AR", "EN"),
    "key.palette": ("palette", "palette", "لوحة الأوامر"),
    "key.theme": ("Theme", "Thème", "المظهر"),
    "key.back": ("Back", "Retour", "رجوع"),
    "key.delete": ("Delete", "Supprimer", "حذف"),
    "audit.title_client": (
        "Audit log of {name}",
        "Journal d'audit de {name}",
        "سجل التدقيق للعميل {name}",
    ),
    "audit.title_all": (
        "Audit log of every client",
        "Journal d'audit de tous les clients",
        "سجل التدقيق لجميع العملاء",
    ),
    "audit.when": ("When (UTC)", "Quand (UTC)", "متى (UTC)"),
    "audit.who": ("Who", "Qui", "من"),
    "audit.what": ("What", "Quoi", "ماذا"),
    "audit.change": ("Old → new", "Avant → après", "القديم ← الجديد"),
    "audit.loading": (
        "Reading the audit log…",
        "Lecture du journal d'audit…",
        "قراءة سجل التدقيق…",
    ),
    "audit.none": ("No audit entries.", "Aucune entrée d'audit.", "لا توجد قيود في سجل التدقيق."),
    "audit.count": (
        "{count} entries, newest first",
        "{count} entrées, les plus récentes d'abord",
        "{count} قيدا، الأحدث أولا",
    ),
    "audit.keys": (
        "t: this client / every client · Escape: back",
        "t : ce client / tous les clients · Échap : retour",
        "t: هذا العميل / جميع العملاء · Esc: رجوع",
    ),
    # steps of long work (the line above the footer)
    "work.loading": ("Loading the program", "Chargement du programme", "تحميل البرنامج"),
    "work.reading_assessment": (
        "Reading the assessment",
        "Lecture de l'évaluation",
        "قراءة التقييم",
    ),
    "work.questionnaires": (
        "Reading the installed questionnaires",
        "Lecture des questionnaires installés",
        "قراءة الاستبيانات المثبتة",
    ),
    "work.opening_store": (
        "Opening the workspace",
        "Ouverture de l'espace de travail",
        "فتح مساحة العمل",
    ),
    "work.reading_file": (
        "Reading and checking {name} (decrypting it takes a few seconds)",
        "Lecture et contrôle de {name} (le déchiffrement prend quelques secondes)",
        "قراءة {name} والتحقق منه (يستغرق فك التشفير بضع ثوان)",
    ),
    "work.hashing": (
        "Hashing {name} (SHA-256)",
        "Calcul de l'empreinte de {name} (SHA-256)",
        "حساب بصمة {name} (SHA-256)",
    ),
    "work.packing": (
        "Writing the answer pack {name}",
        "Écriture du dossier de réponses {name}",
        "كتابة ملف الإجابات {name}",
    ),
    "work.unpacking": (
        "Reading the answer pack {name} back",
        "Relecture du dossier de réponses {name}",
        "إعادة قراءة ملف الإجابات {name}",
    ),
    "work.saving": (
        "Saving to the workspace",
        "Enregistrement dans l'espace de travail",
        "الحفظ في مساحة العمل",
    ),
    "work.scoring": ("Scoring", "Calcul du score", "حساب النتيجة"),
    "work.scoring_n": (
        "Scoring assessment {n} of {count}",
        "Score de l'évaluation {n} sur {count}",
        "حساب نتيجة التقييم {n} من {count}",
    ),
    "work.exporting": (
        "Reading the assessment from the store",
        "Lecture de l'évaluation",
        "قراءة التقييم من مساحة العمل",
    ),
    "work.encrypting": (
        "Encrypting (deriving the key takes a few seconds)",
        "Chiffrement (la dérivation de la clé prend quelques secondes)",
        "التشفير (يستغرق اشتقاق المفتاح بضع ثوان)",
    ),
    "work.writing": ("Writing {name}", "Écriture de {name}", "كتابة {name}"),
    "work.rendering": (
        "Rendering the {fmt} report",
        "Mise en forme du rapport {fmt}",
        "إعداد التقرير بصيغة {fmt}",
    ),
    "work.unlocking_key": (
        "Unlocking the signing key (a few seconds)",
        "Déverrouillage de la clé de signature (quelques secondes)",
        "فتح مفتاح التوقيع (بضع ثوان)",
    ),
    "work.signing": (
        "Signing, then verifying the bundle",
        "Signature, puis vérification du paquet",
        "التوقيع، ثم التحقق من الحزمة",
    ),
    "ask.review_folder": (
        "Folder of signed bundles to review",
        "Dossier de paquets signés à examiner",
        "مجلد الحزم الموقعة المراد فحصها",
    ),
    "key.next": ("Next", "Suivante", "التالي"),
    "key.previous": ("Previous", "Précédente", "السابق"),
    "key.unanswered": ("Unanswered", "Sans réponse", "بلا إجابة"),
    "key.flows": ("Flows", "Flux", "التدفقات"),
    "key.results": ("Results", "Résultats", "النتائج"),
    "key.refresh": ("Refresh", "Actualiser", "تحديث"),
    "key.jump": ("Jump", "Aller à", "انتقال"),
    "key.na": ("N/A", "S.O.", "لا ينطبق"),
    "key.evidence": ("Evidence", "Preuve", "دليل"),
    "key.comment": ("Comment", "Commentaire", "تعليق"),
    "key.pack": ("Answer pack", "Dossier de réponses", "ملف الإجابات"),
    "key.unpack": (
        "Read an answer pack back",
        "Relire un dossier de réponses",
        "إعادة قراءة ملف إجابات",
    ),
    "key.tree": ("Tree", "Arbre", "الشجرة"),
    "key.add": ("Add", "Ajouter", "إضافة"),
    "key.edit": ("Edit", "Modifier", "تعديل"),
    "key.report": ("Report", "Rapport", "تقرير"),
    "key.sign": ("Sign", "Signer", "توقيع"),
    "key.save": ("Save", "Enregistrer", "حفظ"),
    "key.cancel": ("Cancel", "Annuler", "إلغاء"),
    "key.clients": ("Clients", "Clients", "العملاء"),
    # welcome
    "welcome.title": ("Welcome", "Bienvenue", "مرحبا"),
    "welcome.line1": (
        "This tool checks how ready a firm is for Moroccan Law 09-08 and the GDPR.",
        "Cet outil mesure la préparation d'une entreprise à la loi 09-08 et au RGPD.",
        "تقيس هذه الأداة مدى جاهزية شركة للقانون رقم 09.08 المغربي ولمقتضيات اللائحة العامة لحماية "
        "البيانات.",
    ),
    "welcome.line2": (
        "Answer a questionnaire, map your data flows, and see a score with the law behind it.",
        "Répondez au questionnaire, décrivez vos flux et obtenez un score justifié par la loi.",
        "أجيبوا عن استبيان، وصفوا تدفقات معطياتكم، واطلعوا على نتيجة يسندها النص القانوني.",
    ),
    "welcome.line3": (
        "Everything is saved as you type, in a workspace on this computer.",
        "Tout est enregistré à la frappe, dans un espace de travail sur cet ordinateur.",
        "يحفظ كل شيء أثناء الكتابة، في مساحة عمل على هذا الحاسوب.",
    ),
    "welcome.sample": ("Create a sample client", "Créer un client d'exemple", "إنشاء عميل نموذجي"),
    "welcome.empty": ("Start empty", "Commencer à vide", "البدء فارغا"),
    # workspace
    "ws.loading": (
        "Opening the workspace…",
        "Ouverture de l'espace de travail…",
        "فتح مساحة العمل…",
    ),
    "ws.where": ("Workspace: {where}", "Espace de travail : {where}", "مساحة العمل: {where}"),
    "ws.no_clients": (
        "No clients yet: press n to create one.",
        "Aucun client : appuyez sur n pour en créer un.",
        "لا يوجد أي عميل بعد: اضغطوا n لإنشاء عميل.",
    ),
    "ws.cannot_score": (
        "cannot be scored: {reason}",
        "ne peut pas être noté : {reason}",
        "تعذر حساب النتيجة: {reason}",
    ),
    "col.client": ("Client", "Client", "العميل"),
    "col.count": ("#", "#", "#"),
    "col.id": ("#", "#", "#"),
    "col.questionnaire": ("Questionnaire", "Questionnaire", "الاستبيان"),
    "col.cycle": ("Cycle", "Cycle", "دورة"),
    "col.progress": ("Done", "Fait", "منجز"),
    "col.score": ("Score", "Score", "نتيجة"),
    "col.rating": ("Rating", "Niveau", "التصنيف"),
    "col.status": ("Status", "Statut", "الحالة"),
    "col.flow": ("Flow", "Flux", "التدفق"),
    "col.route": ("Route", "Trajet", "المسار"),
    "col.mechanism": ("GDPR tool", "Outil RGPD", "أداة اللائحة العامة لحماية البيانات"),
    "col.basis": ("Law 09-08 basis", "Base loi 09-08", "أساس القانون 09.08"),
    "ask.client_name": ("Name of the new client", "Nom du nouveau client", "اسم العميل الجديد"),
    "ask.rename": ("New name of the client", "Nouveau nom du client", "الاسم الجديد للعميل"),
    "ask.questionnaire": ("Which questionnaire?", "Quel questionnaire ?", "أي استبيان؟"),
    "label.older_version": ("; an older version", " ; version antérieure", "؛ نسخة أقدم"),
    "ask.delete_client": (
        "Delete client {name} and all of its assessments? This cannot be undone. "
        "Type the client's name to confirm.",
        "Supprimer le client {name} et toutes ses évaluations ? C'est irréversible. "
        "Tapez le nom du client pour confirmer.",
        "حذف العميل {name} وجميع تقييماته؟ لا يمكن التراجع عن ذلك. اكتبوا اسم العميل للتأكيد.",
    ),
    "ask.export_path": ("File to write", "Fichier à écrire", "الملف المراد كتابته"),
    "ask.passphrase": (
        "Passphrase of the encrypted file",
        "Phrase secrète du fichier chiffré",
        "عبارة المرور للملف المشفر",
    ),
    "ask.unpack": (
        "Answer pack to read back (.xlsx)",
        "Dossier de réponses à relire (.xlsx)",
        "ملف الإجابات المراد إعادة قراءته (.xlsx)",
    ),
    "pk.title": (
        "Answer pack: the domains to ask about",
        "Dossier de réponses : les domaines à poser",
        "ملف الإجابات: المجالات المراد السؤال عنها",
    ),
    "pk.language": ("Language of the pack", "Langue du dossier", "لغة الملف"),
    "pk.output": ("File to write", "Fichier à écrire", "الملف المراد كتابته"),
    "pk.write": ("Write", "Écrire", "كتابة"),
    "pk.cancel": ("Cancel", "Annuler", "إلغاء"),
    "pk.no_domain": (
        "Tick at least one domain.",
        "Cochez au moins un domaine.",
        "اختاروا مجالا واحدا على الأقل.",
    ),
    "pk.no_output": (
        "Give the file to write.",
        "Indiquez le fichier à écrire.",
        "حددوا الملف المراد كتابته.",
    ),
    "pk.written": (
        "Wrote {path}: {questions} questions ({answered} answered) in {sheets} sheet(s).",
        "{path} écrit : {questions} questions ({answered} répondues), {sheets} feuille(s).",
        "تمت كتابة {path}: {questions} سؤالا ({answered} بإجابة) في {sheets} ورقة.",
    ),
    "pk.read": (
        "Read {path}: {saved} saved, {conflicts} conflict(s), {unchanged} unchanged.",
        "{path} relu : {saved} enregistrées, {conflicts} conflit(s), {unchanged} inchangées.",
        "تمت قراءة {path}: {saved} محفوظة، {conflicts} تعارض، {unchanged} دون تغيير.",
    ),
    "pk.conflict": (
        "{cell}: {question} was changed in the workspace since the pack was made; "
        "the workspace's answer was kept",
        "{cell} : {question} a été modifiée dans l'espace de travail depuis la création du "
        "dossier ; la réponse de l'espace de travail est conservée",
        "{cell}: تم تعديل السؤال {question} في مساحة العمل بعد إعداد الملف؛ وتم الاحتفاظ بإجابة "
        "مساحة العمل",
    ),
    "pk.problems": (
        "{path} has problems; nothing was changed:",
        "{path} contient des problèmes ; rien n'a été modifié :",
        "في {path} مشاكل؛ لم يتم تغيير أي شيء:",
    ),
    "pk.apply_valid": (
        "Apply the valid rows anyway (the rows with a problem are skipped)?",
        "Appliquer quand même les lignes valides (celles en erreur sont ignorées) ?",
        "تطبيق الأسطر الصحيحة رغم ذلك (مع تجاوز الأسطر التي بها مشكلة)؟",
    ),
    "pk.skipped": ("{problem} (skipped)", "{problem} (ignorée)", "{problem} (تم تجاوزه)"),
    "ask.evidence": (
        "Evidence file (it will be hashed)",
        "Fichier de preuve (il sera haché)",
        "ملف الدليل (ستحسب بصمته)",
    ),
    "ask.delete_flow": ("Delete flow {name}?", "Supprimer le flux {name} ?", "حذف التدفق {name}؟"),
    "ask.report_path": (
        "Report file (.html, .md or .pdf)",
        "Fichier du rapport (.html, .md, .pdf)",
        "ملف التقرير (.html أو .md أو .pdf)",
    ),
    "yes": ("Yes", "Oui", "نعم"),
    "no": ("No", "Non", "لا"),
    "ok": ("OK", "OK", "حسنا"),
    "done.created": ("Client {name} created", "Client {name} créé", "تم إنشاء العميل {name}"),
    "done.started": ("Assessment {id} started", "Évaluation {id} démarrée", "تم بدء التقييم {id}"),
    "done.migrated": (
        "Assessment {id}: new cycle on version {version}; {carried} answers carried, {kept} kept "
        "in comments to answer again, {lost} to re-enter; score {before} → {after}",
        "Évaluation {id} : nouveau cycle sur la version {version} ; {carried} réponses reprises, "
        "{kept} conservées en commentaire à ressaisir, {lost} à saisir à nouveau ; score "
        "{before} → {after}",
        "التقييم {id}: دورة جديدة على النسخة {version}؛ {carried} إجابة منقولة، و{kept} محفوظة "
        "في التعليقات لإعادة الإجابة عنها، و{lost} يجب إدخالها من جديد؛ النتيجة {before} → {after}",
    ),
    "cycle.on_version": (
        "{name} {version}: carry the answers over, changes listed",
        "{name} {version} : reprendre les réponses, modifications listées",
        "{name} {version}: نقل الإجابات مع سرد التغييرات",
    ),
    "cycle.same_version": (
        "{name} {version}: a copy on the same version",
        "{name} {version} : une copie sur la même version",
        "{name} {version}: نسخة على النسخة نفسها",
    ),
    "done.renamed": ("Client renamed", "Client renommé", "تم تغيير اسم العميل"),
    "done.deleted": ("Client deleted", "Client supprimé", "تم حذف العميل"),
    "done.exported": ("Written to {path}", "Écrit dans {path}", "تمت الكتابة في {path}"),
    "done.sample": (
        "Sample client {name} created",
        "Client d'exemple {name} créé",
        "تم إنشاء العميل النموذجي {name}",
    ),
    "need.client": ("Select a client first", "Choisissez d'abord un client", "اختاروا عميلا أولا"),
    "need.assessment": (
        "Select an assessment first",
        "Choisissez d'abord une évaluation",
        "اختاروا تقييما أولا",
    ),
    "error": ("Error", "Erreur", "خطأ"),
    # assessment
    "as.profile": ("Profile", "Profil", "الملف التعريفي"),
    "as.saved": ("✓ saved", "✓ enregistré", "✓ محفوظ"),
    "as.unsaved": ("· not answered", "· sans réponse", "· بلا إجابة"),
    "as.saving_failed": ("✗ not saved", "✗ non enregistré", "✗ غير محفوظ"),
    "as.comment_unsaved": (
        "✗ comment not saved: retrying",
        "✗ commentaire non enregistré : nouvel essai",
        "✗ التعليق غير محفوظ: إعادة المحاولة",
    ),
    "as.answered_by": (
        "Answered by {who} at {when} UTC",
        "Répondu par {who} le {when} UTC",
        "أجاب {who} في {when} UTC",
    ),
    "as.saving": ("… saving", "… enregistrement", "… الحفظ"),
    "as.not_answering": (
        "✗ the workspace is not answering: saving waits",
        "✗ l'espace de travail ne répond pas : l'enregistrement attend",
        "✗ مساحة العمل لا تستجيب: الحفظ ينتظر",
    ),
    "as.refreshed": (
        "Changes by others shown",
        "Modifications des autres affichées",
        "تم عرض تغييرات الآخرين",
    ),
    "as.conflict_kept": ("Their version kept", "Leur version conservée", "تم الاحتفاظ بنسختهم"),
    "cf.changed": (
        "{what} was changed by {who} at {when} UTC after you read it.",
        "{what} a été modifié par {who} le {when} UTC après votre lecture.",
        "{what}: عدله {who} في {when} UTC بعد أن قرأتموه.",
    ),
    "cf.theirs": ("Theirs", "Leur version", "نسختهم"),
    "cf.mine": ("Yours", "Votre version", "نسختكم"),
    "cf.keep_theirs": ("Keep theirs", "Garder la leur", "الاحتفاظ بنسختهم"),
    "cf.use_mine": ("Use mine", "Utiliser la mienne", "استعمال نسختي"),
    "as.help": ("Help", "Aide", "مساعدة"),
    "as.refs": ("Legal references", "Références juridiques", "المراجع القانونية"),
    "as.crosswalk": ("Crosswalk", "Correspondance", "المقابلة"),
    "as.unverified": (" (unverified)", " (non vérifié)", " (غير متحقق منه)"),
    "as.comment": ("Comment", "Commentaire", "تعليق"),
    "as.evidence": ("Evidence", "Preuves", "الأدلة"),
    "as.no_evidence": ("no file attached", "aucun fichier joint", "لا يوجد ملف مرفق"),
    "as.na": ("Not applicable", "Sans objet", "لا ينطبق"),
    "as.profile_no_evidence": (
        "Profile answers describe the firm and take no evidence; attach files to the questions of"
        " the domains",
        "Les réponses du profil décrivent l'entreprise et ne reçoivent pas de preuve ; joignez les"
        " fichiers aux questions des domaines",
        "إجابات الملف التعريفي تصف الشركة ولا تقبل دليلا؛ أرفقوا الملفات بأسئلة المجالات",
    ),
    "as.answer_first": (
        "Answer the question before attaching evidence",
        "Répondez avant de joindre une preuve",
        "أجيبوا عن السؤال قبل إرفاق دليل",
    ),
    "as.na_not_allowed": (
        "N/A is not allowed for this question",
        "« Sans objet » n'est pas permis pour cette question",
        "خيار «لا ينطبق» غير مسموح به لهذا السؤال",
    ),
    "as.all_answered": (
        "Every question that applies is answered",
        "Toutes les questions ont une réponse",
        "تمت الإجابة عن كل سؤال ينطبق",
    ),
    "as.question_of": (
        "Question {n} of {total}",
        "Question {n} sur {total}",
        "السؤال {n} من {total}",
    ),
    "as.hidden": (
        "This question no longer applies after your last answer.",
        "Cette question ne s'applique plus après votre dernière réponse.",
        "لم يعد هذا السؤال ينطبق بعد إجابتكم الأخيرة.",
    ),
    "as.number_hint": ("a number", "un nombre", "عدد"),
    "as.date_hint": (
        "a date: DD/MM/YYYY or YYYY-MM-DD",
        "une date : JJ/MM/AAAA ou AAAA-MM-JJ",
        "تاريخ: DD/MM/YYYY أو YYYY-MM-DD",
    ),
    "as.text_hint": ("your answer", "votre réponse", "إجابتكم"),
    "as.country_hint": (
        "country code, e.g. MA (several: MA, FR)",
        "code pays, p. ex. MA (plusieurs : MA, FR)",
        "رمز البلد، مثلا MA (عدة بلدان: MA, FR)",
    ),
    # several countries (the country-set picker)
    "cs.chosen": ("Chosen ({count}): ", "Choisis ({count}) : ", "المختارة ({count}): "),
    "cs.none": ("No country chosen", "Aucun pays choisi", "لم يختر أي بلد"),
    "cs.clear": ("Clear all", "Tout retirer", "إزالة الكل"),
    "cs.keys": (
        "↓ list · Enter/Space tick or untick · Del remove · Ctrl+L clear all",
        "↓ liste · Entrée/Espace cocher ou décocher · Suppr retirer · Ctrl+L tout retirer",
        "↓ القائمة · إدخال/مسافة اختيار أو إلغاء · Del إزالة · Ctrl+L إزالة الكل",
    ),
    "as.invalid": ("✗ {problem}", "✗ {problem}", "✗ {problem}"),
    # tui-answer: typed answers that cannot be saved stay, with why (issue 16)
    "as.bad_date": (
        '"{text}" is not a date: write it DD/MM/YYYY (12/03/2024) or YYYY-MM-DD (2024-03-12)',
        "« {text} » n'est pas une date : écrivez-la JJ/MM/AAAA (12/03/2024) ou AAAA-MM-JJ"
        " (2024-03-12)",
        "«{text}» ليس تاريخا: اكتبوه DD/MM/YYYY (12/03/2024) أو YYYY-MM-DD (2024-03-12)",
    ),
    "as.fix_first": (
        "Not saved: fix the value, or press Escape to put back the saved one",
        "Non enregistré : corrigez la valeur, ou Échap pour remettre celle enregistrée",
        "غير محفوظ: صححوا القيمة، أو اضغطوا Esc لاسترجاع القيمة المحفوظة",
    ),
    "as.draft_kept": (
        '{id}: "{text}" is not saved ({why}); it stays in its field, marked ✗, until you fix it'
        " or press Escape there",
        "{id} : « {text} » n'est pas enregistré ({why}) ; la saisie reste dans son champ, marquée"
        " ✗, jusqu'à ce que vous la corrigiez ou appuyiez sur Échap",
        "{id}: «{text}» غير محفوظ ({why})؛ يبقى في خانته، مع العلامة ✗، إلى أن تصححوه أو تضغطوا "
        "Esc فيها",
    ),
    "as.profile_count": (
        "Profile question {n} of {total}",
        "Question de profil {n} sur {total}",
        "سؤال الملف التعريفي {n} من {total}",
    ),
    "as.question_count": (
        "Question {n} of {total}, {applicable} apply to you",
        "Question {n} sur {total}, {applicable} vous concernent",
        "السؤال {n} من {total}، ينطبق عليكم {applicable}",
    ),
    "as.wrapped": (
        "Past the last question: searched from the start ({id})",
        "Après la dernière question : recherche reprise du début ({id})",
        "بعد السؤال الأخير: استؤنف البحث من البداية ({id})",
    ),
    "as.revealed": (
        "Your answer brings {count} more question(s) into play; Ctrl+N reaches them",
        "Votre réponse ajoute {count} question(s) ; Ctrl+N y mène",
        "تضيف إجابتكم {count} سؤالا آخر؛ يوصل إليها Ctrl+N",
    ),
    "as.revealed_earlier": (
        "Some come before this one: {ids}.",
        "Certaines viennent avant celle-ci : {ids}.",
        "بعضها يأتي قبل هذا السؤال: {ids}.",
    ),
    "as.restored": (
        "↺ saved value restored",
        "↺ valeur enregistrée rétablie",
        "↺ تم استرجاع القيمة المحفوظة",
    ),
    "as.quit_drafts": (
        "These typed answers are not saved: {ids}. Quit and lose them?",
        "Ces réponses saisies ne sont pas enregistrées : {ids}. Quitter et les perdre ?",
        "هذه الإجابات المكتوبة غير محفوظة: {ids}. الخروج وفقدانها؟",
    ),
    "as.leave_drafts": (
        "These typed answers are not saved: {ids}. Leave and lose them?",
        "Ces réponses saisies ne sont pas enregistrées : {ids}. Partir et les perdre ?",
        "هذه الإجابات المكتوبة غير محفوظة: {ids}. المغادرة وفقدانها؟",
    ),
    "as.score": ("Score {score}", "Score {score}", "النتيجة {score}"),
    "as.coverage": ("{coverage}% answered", "{coverage} % répondu", "{coverage}% مجاب عنه"),
    "as.scoring": ("Scoring…", "Calcul…", "حساب النتيجة…"),
    # flows
    "fl.title": ("Data flows", "Flux de données", "تدفقات المعطيات"),
    "fl.none": (
        "No flows yet: press a to add one.",
        "Aucun flux : appuyez sur a pour en ajouter un.",
        "لا يوجد أي تدفق بعد: اضغطوا a لإضافة تدفق.",
    ),
    "fl.form": ("Data flow", "Flux de données", "تدفق معطيات"),
    "fl.id": ("Id", "Identifiant", "المعرف"),
    "fl.name": ("Name", "Nom", "الاسم"),
    "fl.purpose": ("Purpose", "Finalité", "الغاية"),
    "fl.exporter": ("Exporter", "Exportateur", "المصدر"),
    "fl.importer": ("Importer", "Importateur", "المستورد"),
    "fl.country": ("Country", "Pays", "البلد"),
    "fl.role": ("GDPR role", "Rôle RGPD", "الدور وفق اللائحة العامة لحماية البيانات"),
    "fl.mechanism": (
        "GDPR transfer tool",
        "Outil de transfert RGPD",
        "أداة النقل وفق اللائحة العامة لحماية البيانات",
    ),
    "fl.basis": (
        "Law 09-08 basis (Art. 43/44)",
        "Base loi 09-08 (art. 43/44)",
        "أساس القانون 09.08 (المادتان 43 و44)",
    ),
    "fl.onward": ("Onward flows", "Flux ultérieurs", "التدفقات اللاحقة"),
    # transfer tools and bases the reference data does not title (see flow_form.plain_label)
    "fl.plain.adequacy": (
        "Adequacy decision (Art. 45)",
        "Décision d'adéquation (art. 45)",
        "قرار الكفاية (المادة 45)",
    ),
    "fl.plain.bcr": (
        "Binding corporate rules (Art. 47)",
        "Règles d'entreprise contraignantes (art. 47)",
        "قواعد الشركات الملزمة (المادة 47)",
    ),
    "fl.plain.none": ("None", "Aucun", "لا شيء"),
    "fl.plain.listed_country": (
        "Country on the CNDP list (Art. 43)",
        "Pays de la liste CNDP (art. 43)",
        "بلد مدرج في قائمة اللجنة الوطنية (المادة 43)",
    ),
    "fl.contract": ("Contract", "Contrat", "العقد"),
    "fl.dpa": ("Art. 28 contract signed", "Contrat art. 28 signé", "عقد المادة 28 موقع"),
    "fl.scc": ("SCCs signed", "CCT signées", "البنود التعاقدية النموذجية موقعة"),
    "fl.tia": (
        "Transfer impact assessment done",
        "Analyse d'impact des transferts faite",
        "تقييم أثر النقل منجز",
    ),
    "fl.search": ("type to search countries", "tapez pour chercher un pays", "اكتبوا للبحث عن بلد"),
    "fl.unknown": ("(unknown)", "(inconnu)", "(غير معروف)"),
    "fl.need": (
        "Give an id, a name and both countries",
        "Donnez un id, un nom et les deux pays",
        "حددوا معرفا واسما والبلدين كليهما",
    ),
    "fl.added": ("Flow {name} saved", "Flux {name} enregistré", "تم حفظ التدفق {name}"),
    "fl.deleted": ("Flow deleted", "Flux supprimé", "تم حذف التدفق"),
    # the flow form: every field the transfer rules read
    "fl.hint": (
        "Ticks: ? not known yet · ✓ yes · blank no (Space). Dates YYYY-MM-DD. "
        "Ctrl+S save · Esc cancel",
        "Cases : ? pas encore connu · ✓ oui · vide non (Espace). Dates AAAA-MM-JJ. "
        "Ctrl+S enregistrer · Échap annuler",
        "الخانات: ? غير معروف بعد · ✓ نعم · فارغة لا (مسافة). التواريخ YYYY-MM-DD. Ctrl+S حفظ · "
        "Esc إلغاء",
    ),
    "fl.gdpr_role.controller": ("controller", "responsable du traitement", "المسؤول عن المعالجة"),
    "fl.gdpr_role.joint_controller": (
        "joint controller",
        "responsable conjoint",
        "المسؤول المشترك عن المعالجة",
    ),
    "fl.gdpr_role.processor": ("processor", "sous-traitant", "المعالج من الباطن"),
    "fl.gdpr_role.sub_processor": (
        "sub-processor",
        "sous-traitant ultérieur",
        "المعالج من الباطن اللاحق",
    ),
    "fl.ma_role": ("Law 09-08 role", "Rôle loi 09-08", "الدور وفق القانون 09.08"),
    "fl.ma_role.controller": ("controller", "responsable du traitement", "المسؤول عن المعالجة"),
    "fl.ma_role.processor": ("processor", "sous-traitant", "المعالج من الباطن"),
    "fl.ma_role.representative": ("representative", "représentant", "ممثل"),
    "fl.dpf": (
        "Certified under the EU-US Data Privacy Framework",
        "Certifié au titre du cadre UE-États-Unis (DPF)",
        "معتمد في إطار خصوصية البيانات بين الاتحاد الأوروبي والولايات المتحدة",
    ),
    "fl.commercial": (
        "A commercial organisation (Canada's adequacy)",
        "Organisation commerciale (adéquation du Canada)",
        "منظمة تجارية (قرار الكفاية الخاص بكندا)",
    ),
    "fl.data": ("Data", "Données", "المعطيات"),
    "fl.special": ("Special categories", "Catégories particulières", "الفئات الخاصة"),
    "fl.sc.health": ("health", "santé", "الصحة"),
    "fl.sc.genetic": ("genetic data", "données génétiques", "المعطيات الجينية"),
    "fl.sc.biometric": ("biometric data", "données biométriques", "المعطيات البيومترية"),
    "fl.sc.racial_ethnic": (
        "racial or ethnic origin",
        "origine raciale ou ethnique",
        "الأصل العرقي أو الإثني",
    ),
    "fl.sc.political": ("political opinions", "opinions politiques", "الآراء السياسية"),
    "fl.sc.religious": (
        "religious or philosophical beliefs",
        "convictions religieuses ou philosophiques",
        "المعتقدات الدينية أو الفلسفية",
    ),
    "fl.sc.union": ("trade-union membership", "appartenance syndicale", "الانتماء النقابي"),
    "fl.sc.sex_life": (
        "sex life or sexual orientation",
        "vie sexuelle ou orientation sexuelle",
        "الحياة الجنسية أو التوجه الجنسي",
    ),
    "fl.national_id": (
        "National ID numbers (CIN/CNIE or foreign ID numbers)",
        "Numéros d'identité nationale (CIN/CNIE ou étrangers)",
        "أرقام التعريف الوطنية (CIN/CNIE أو أرقام تعريف أجنبية)",
    ),
    "fl.criminal": (
        "Criminal data (offences, convictions, security measures)",
        "Données pénales (infractions, condamnations, mesures de sûreté)",
        "معطيات جنائية (المخالفات، الإدانات، التدابير الأمنية)",
    ),
    "fl.frequency": ("Frequency", "Fréquence", "التواتر"),
    "fl.freq.one_off": ("one-off", "ponctuel", "مرة واحدة"),
    "fl.freq.periodic": ("periodic", "périodique", "دوري"),
    "fl.freq.continuous": ("continuous", "continu", "مستمر"),
    "fl.subjects": (
        "Data subjects (number)",
        "Personnes concernées (nombre)",
        "الأشخاص المعنيون (العدد)",
    ),
    "fl.optional": ("optional", "facultatif", "اختياري"),
    "fl.subprocessors": (
        "Sub-processor authorised by the controller",
        "Sous-traitant ultérieur autorisé par le responsable",
        "معالج من الباطن مأذون له من المسؤول عن المعالجة",
    ),
    "fl.tia_section": (
        "Transfer impact assessment",
        "Analyse d'impact des transferts",
        "تقييم أثر النقل",
    ),
    "fl.tia_date": ("Date of the TIA", "Date de l'analyse", "تاريخ تقييم أثر النقل"),
    "fl.conclusion": ("Conclusion", "Conclusion", "الخلاصة"),
    "fl.concl.acceptable": ("acceptable", "acceptable", "مقبول"),
    "fl.concl.measures_needed": (
        "acceptable with supplementary measures",
        "acceptable avec des mesures supplémentaires",
        "مقبول مع تدابير تكميلية",
    ),
    "fl.concl.not_acceptable": ("not acceptable", "non acceptable", "غير مقبول"),
    "fl.measures": (
        "Supplementary measures in place",
        "Mesures supplémentaires en place",
        "التدابير التكميلية القائمة",
    ),
    "fl.planned": (
        "Supplementary measures planned",
        "Mesures supplémentaires prévues",
        "التدابير التكميلية المبرمجة",
    ),
    "fl.m.encryption_in_transit": (
        "encryption in transit",
        "chiffrement en transit",
        "التشفير أثناء النقل",
    ),
    "fl.m.encryption_at_rest": (
        "encryption at rest",
        "chiffrement au repos",
        "التشفير أثناء التخزين",
    ),
    "fl.m.exporter_held_keys": (
        "keys held by the exporter",
        "clés détenues par l'exportateur",
        "مفاتيح يحتفظ بها المصدر",
    ),
    "fl.m.pseudonymisation": (
        "pseudonymisation before transfer",
        "pseudonymisation avant transfert",
        "إخفاء الهوية المستعار قبل النقل",
    ),
    "fl.m.data_minimisation": (
        "data minimisation",
        "minimisation des données",
        "التقليل من المعطيات",
    ),
    "fl.m.access_logging": ("access logging", "journalisation des accès", "تسجيل الولوج"),
    "fl.m.mfa": (
        "multi-factor authentication",
        "authentification multifacteur",
        "المصادقة متعددة العوامل",
    ),
    "fl.m.no_download_access": (
        "access without download (e.g. virtual desktop)",
        "accès sans téléchargement (p. ex. poste virtuel)",
        "ولوج دون تحميل (مثلا سطح مكتب افتراضي)",
    ),
    "fl.m.split_processing": ("split processing", "traitement fractionné", "معالجة مجزأة"),
    "fl.m.transparency_reporting": (
        "transparency reporting",
        "rapports de transparence",
        "تقارير الشفافية",
    ),
    "fl.cndp": (
        "CNDP formalities (Law 09-08)",
        "Formalités CNDP (loi 09-08)",
        "الإجراءات لدى اللجنة الوطنية (القانون رقم 09.08)",
    ),
    "fl.cndp_hint": (
        "References as the CNDP gave them; type 'none' if there is none. The processing needs a "
        "declaration or an authorisation, and the authorisation for sensitive data, national ID "
        "numbers or criminal data. Data leaving Morocco goes through the CNDP's transfer request, "
        "form F118.",
        "Références telles que la CNDP les a données ; tapez « none » s'il n'y en a pas. Le "
        "traitement exige une déclaration ou une autorisation, et l'autorisation pour les données "
        "sensibles, les numéros d'identité nationale ou les données pénales. Les données qui "
        "quittent le Maroc passent par la demande de transfert de la CNDP, formulaire F118.",
        "المراجع كما سلمتها اللجنة الوطنية؛ اكتبوا 'none' إن لم توجد. تحتاج المعالجة إلى تصريح "
        "أو إذن، والإذن لازم للمعطيات الحساسة وأرقام التعريف الوطنية والمعطيات الجنائية. وتمر "
        "المعطيات المغادرة للمغرب عبر طلب النقل لدى اللجنة الوطنية، المطبوع F118.",
    ),
    "fl.receipt": ("Declaration receipt", "Récépissé de déclaration", "وصل التصريح"),
    "fl.authorisation": ("Processing authorisation", "Autorisation du traitement", "إذن المعالجة"),
    "fl.f118_status": (
        "Transfer request (F118)",
        "Demande de transfert (F118)",
        "طلب النقل (F118)",
    ),
    "fl.f118.not_filed": ("not filed", "non déposée", "لم يودع"),
    "fl.f118.filed": ("filed, no decision", "déposée, sans décision", "مودع، دون قرار"),
    "fl.f118.granted": ("granted", "accordée", "مقبول"),
    "fl.f118.refused": ("refused", "refusée", "مرفوض"),
    "fl.f118_filed": ("Filed on", "Déposée le", "تاريخ الإيداع"),
    "fl.f118_decided": ("Decided on", "Décidée le", "تاريخ القرار"),
    "fl.f118_reference": ("F118 reference", "Référence F118", "مرجع F118"),
    "fl.first_transfer": ("First transfer date", "Date du 1er transfert", "تاريخ أول نقل"),
    "fl.need_party": (
        "Give the name and the country of the {party}",
        "Donnez le nom et le pays de l'{party}",
        "حددوا اسم {party} وبلده",
    ),
    "fl.ref_hint": ("number, or 'none'", "numéro, ou « none »", "رقم، أو 'none'"),
    "fl.bad_date": (
        "{field}: give a date as DD/MM/YYYY or YYYY-MM-DD",
        "{field} : donnez une date JJ/MM/AAAA ou AAAA-MM-JJ",
        "{field}: أدخلوا تاريخا بصيغة DD/MM/YYYY أو YYYY-MM-DD",
    ),
    "fl.bad_count": (
        "{field}: give a whole number from 0 to 10,000,000,000",
        "{field} : donnez un nombre entier de 0 à 10 000 000 000",
        "{field}: أدخلوا عددا صحيحا من 0 إلى 10.000.000.000",
    ),
    # results
    "rs.title": ("Results", "Résultats", "النتائج"),
    # results (tui-results: issue 16 point 2)
    "rs.overall": ("Overall", "Score global", "الإجمالي"),
    "rs.answered": ("{percent} answered", "{percent} de réponses", "{percent} مجاب عنه"),
    "rs.provisional": ("provisional rating", "niveau provisoire", "تصنيف مؤقت"),
    "rs.finish_hint": (
        "In the assessment, Ctrl+N goes to the next unanswered question.",
        "Dans l'évaluation, Ctrl+N va à la prochaine question sans réponse.",
        "في التقييم، ينقل Ctrl+N إلى السؤال التالي الذي لم يجب عنه.",
    ),
    "rs.domains": ("Domains", "Domaines", "المجالات"),
    "rs.col.domain": ("Domain", "Domaine", "المجال"),
    "rs.col.score": ("Score /100", "Score /100", "النتيجة /100"),
    "rs.col.answered": ("Answered", "Réponses", "المجاب عنه"),
    "rs.col.band": ("Band", "Niveau", "الفئة"),
    "rs.band_from": ("{band} from {min}", "{band} dès {min}", "{band} من {min}"),
    "rs.band_below": ("{band} below {min}", "{band} sous {min}", "{band} أقل من {min}"),
    "rs.not_started": ("not started", "pas commencé", "لم يبدأ"),
    "rs.not_applicable": ("does not apply", "sans objet", "لا ينطبق"),
    "rs.domains_note": (
        "An unanswered question counts as 0 in its domain's score.",
        "Une question sans réponse compte pour 0 dans le score de son domaine.",
        "يحتسب السؤال الذي لم يجب عنه 0 في نتيجة مجاله.",
    ),
    "rs.flows": ("Data flows", "Flux de données", "تدفقات المعطيات"),
    "rs.no_flows": (
        "No data flows recorded.",
        "Aucun flux enregistré.",
        "لم يسجل أي تدفق للمعطيات.",
    ),
    "rs.no_plan": ("Nothing to remediate.", "Rien à corriger.", "لا شيء يحتاج إلى معالجة."),
    "rs.col.points": ("Points", "Points", "النقاط"),
    "rs.col.action": ("Control, and what to do", "Contrôle, et que faire", "الضابط، وما يجب فعله"),
    "rs.legend": ("Legal texts cited", "Textes cités", "النصوص القانونية المستشهد بها"),
    "ask.sign_path": (
        "Where to write the signed bundle (.zip)",
        "Où écrire le paquet signé (.zip)",
        "أين تكتب الحزمة الموقعة (.zip)",
    ),
    "rs.sign_kind": (
        "Give a path ending in .zip",
        "Donnez un chemin finissant par .zip",
        "أدخلوا مسارا ينتهي باللاحقة .zip",
    ),
    "rs.signed": (
        "Signed bundle written to {path} (key {key_id})",
        "Paquet signé écrit dans {path} (clé {key_id})",
        "تمت كتابة الحزمة الموقعة في {path} (المفتاح {key_id})",
    ),
    "rs.coming_report": (
        "Reports come with the [report] module",
        "Les rapports arrivent avec le module [report]",
        "تأتي التقارير مع الوحدة [report]",
    ),
    "rs.report_written": (
        "Report written to {path}",
        "Rapport écrit dans {path}",
        "تمت كتابة التقرير في {path}",
    ),
    "rs.report_kind": (
        "Give a path ending in .html, .md or .pdf",
        "Donnez un chemin finissant par .html, .md ou .pdf",
        "أدخلوا مسارا ينتهي باللاحقة .html أو .md أو .pdf",
    ),
    # review (the regulator's inbox of signed bundles)
    "rv.col.verdict": ("Verdict", "Verdict", "الحكم"),
    "rv.col.organisation": ("Organisation", "Organisation", "الهيئة"),
    "rv.col.signer": ("Signer", "Signataire", "الموقع"),
    "rv.col.date": ("Date", "Date", "التاريخ"),
    "rv.col.questionnaire": ("Questionnaire", "Questionnaire", "الاستبيان"),
    "rv.col.score": ("Score", "Score", "النتيجة"),
    "rv.col.rating": ("Rating", "Niveau", "التصنيف"),
    "rv.col.flows_at_risk": ("Flows at risk", "Flux à risque", "تدفقات معرضة للخطر"),
    "rv.col.flags": ("Flags", "Alertes", "تنبيهات"),
    "rv.col.decision": ("Decision", "Décision", "القرار"),
    "rv.col.file": ("File", "Fichier", "الملف"),
    "rv.key.open_folder": ("Open folder", "Ouvrir", "فتح مجلد"),
    "rv.key.sort": ("Sort", "Trier", "ترتيب"),
    "rv.key.filter": ("Filter", "Filtrer", "تصفية"),
    "rv.key.compare": ("Compare", "Comparer", "مقارنة"),
    "rv.key.decide": ("Decide", "Décider", "البت"),
    "rv.key.open_html": (
        "Open HTML in browser",
        "Ouvrir le HTML dans le navigateur",
        "فتح HTML في المتصفح",
    ),
    "rv.key.reload_trust": ("Re-verify", "Revérifier", "إعادة التحقق"),
    "rv.unverified": (" (unverified)", " (non vérifié)", " (غير متحقق منه)"),
    "rv.unknown_key": ("unknown key {id}", "clé inconnue {id}", "مفتاح غير معروف {id}"),
    "rv.sort.verdict": ("verdict", "verdict", "الحكم"),
    "rv.sort.rating": ("rating", "niveau", "التصنيف"),
    "rv.sort.organisation": ("organisation", "organisation", "الهيئة"),
    "rv.sort.date": ("date", "date", "التاريخ"),
    "rv.decision.accepted": ("Accepted", "Acceptée", "مقبول"),
    "rv.decision.revision_requested": ("Revision requested", "Révision demandée", "طلبت مراجعة"),
    "rv.decision.rejected": ("Rejected", "Rejetée", "مرفوض"),
    "rv.idle": (
        "Open a folder of signed bundles (o).",
        "Ouvrez un dossier de paquets signés (o).",
        "افتحوا مجلدا للحزم الموقعة (o).",
    ),
    "rv.filter_hint": (
        "Filter: invalid, flagged, at-risk, rating=ID, a name...",
        "Filtre : invalide, signalé, à-risque, niveau=ID, un nom…",
        "تصفية: invalid، flagged، at-risk، rating=ID، اسم...",
    ),
    "rv.loading": (
        "Verifying the bundles of {folder}...",
        "Vérification des paquets de {folder}…",
        "التحقق من حزم {folder}...",
    ),
    "rv.progress": (
        "Verifying {done}/{total} bundles...",
        "Vérification de {done}/{total} paquets…",
        "التحقق من {done}/{total} حزمة...",
    ),
    "rv.summary": (
        "bundles: {count}, invalid: {invalid}; shown: {shown}, sorted by {sort}",
        "paquets : {count}, invalides : {invalid} ; affichés : {shown}, tri : {sort}",
        "الحزم: {count}، غير الصالحة: {invalid}؛ المعروضة: {shown}، مرتبة حسب {sort}",
    ),
    "rv.summary_marked": ("; marked {name}", " ; marqué : {name}", "؛ المعلمة {name}"),
    "rv.marked": (
        "Marked {name}; press c on another row to compare.",
        "{name} marqué ; appuyez sur c sur une autre ligne pour comparer.",
        "تم تعليم {name}؛ اضغطوا c على سطر آخر للمقارنة.",
    ),
    "rv.recorded": (
        "Recorded {status} for {name}.",
        "Décision « {status} » enregistrée pour {name}.",
        "تم تسجيل {status} للحزمة {name}.",
    ),
    "rv.folder": (
        "Folder of signed bundles to review:",
        "Dossier de paquets signés à examiner :",
        "مجلد الحزم الموقعة المراد فحصها:",
    ),
    "rv.decide_on": ("Decision on {about}", "Décision sur {about}", "القرار بشأن {about}"),
    "rv.status": ("Status", "Statut", "الحالة"),
    "rv.comment": ("Comment (why)", "Commentaire (motif)", "تعليق (السبب)"),
    "rv.record": ("Record decision", "Enregistrer la décision", "تسجيل القرار"),
    "rv.need_status": ("Choose a status.", "Choisissez un statut.", "اختاروا حالة."),
    "rv.need_comment": (
        "Write a comment: the organisation will read it.",
        "Écrivez un commentaire : l'organisme le lira.",
        "اكتبوا تعليقا: ستقرؤه الهيئة.",
    ),
    "rv.verifying_one": ("{name} - verifying...", "{name} - vérification…", "{name} - التحقق..."),
    "rv.head_report": (
        " - {organisation} - report {report_id}",
        " - {organisation} - rapport {report_id}",
        " - {organisation} - التقرير {report_id}",
    ),
    "rv.verification": ("Verification", "Vérification", "التحقق"),
    "rv.results": ("Results", "Résultats", "النتائج"),
    "rv.report": ("Report", "Rapport", "التقرير"),
    "rv.overall": (
        "Overall score {score} - rating {rating} - coverage {coverage} %",
        "Score global {score} - niveau {rating} - couverture {coverage} %",
        "النتيجة الإجمالية {score} - التصنيف {rating} - التغطية {coverage}%",
    ),
    "rv.provisional": (" (provisional)", " (provisoire)", " (مؤقت)"),
    "rv.domain": (
        "  domain {id}: {score} (coverage {coverage} %)",
        "  domaine {id} : {score} (couverture {coverage} %)",
        "  المجال {id}: {score} (التغطية {coverage}%)",
    ),
    "rv.flow": (
        "  flow {id} ({name}): {status}, score {score}",
        "  flux {id} ({name}) : {status}, score {score}",
        "  التدفق {id} ({name}): {status}، النتيجة {score}",
    ),
    "rv.html_unverified": (
        "Only the report of a bundle that verified can be opened.",
        "Seul le rapport d'un paquet vérifié peut être ouvert.",
        "لا يمكن فتح إلا تقرير حزمة تم التحقق منها.",
    ),
    "rv.html_opened": (
        "Opened the verified HTML report in the browser.",
        "Rapport HTML vérifié ouvert dans le navigateur.",
        "تم فتح تقرير HTML المتحقق منه في المتصفح.",
    ),
    "rv.comparing": ("Comparing...", "Comparaison…", "المقارنة..."),
    "rv.cannot_compare": ("Cannot compare", "Comparaison impossible", "تتعذر المقارنة"),
    "rv.not_verified": (
        "{name} did not verify ({reason})",
        "{name} n'a pas été vérifié ({reason})",
        "لم يتم التحقق من {name} ({reason})",
    ),
    "rv.cmp_org": (
        "Organisation {id}: {organisation}",
        "Organisation {id} : {organisation}",
        "الهيئة {id}: {organisation}",
    ),
    "rv.cmp_before": (
        "  before: report {report_id}, issued {issued_at}, score {score} ({rating})",
        "  avant : rapport {report_id}, émis le {issued_at}, score {score} ({rating})",
        "  قبل: التقرير {report_id}، صدر في {issued_at}، النتيجة {score} ({rating})",
    ),
    "rv.cmp_after": (
        "  after:  report {report_id}, issued {issued_at}, score {score} ({rating})",
        "  après : rapport {report_id}, émis le {issued_at}, score {score} ({rating})",
        "  بعد:  التقرير {report_id}، صدر في {issued_at}، النتيجة {score} ({rating})",
    ),
    "rv.cmp_flags": ("  FLAGS: {flags}", "  ALERTES : {flags}", "  تنبيهات: {flags}"),
    "rv.cmp_ratings": ("Ratings", "Niveaux", "التصنيفات"),
    "rv.cmp_scores": ("Scores", "Scores", "النتائج"),
    "rv.cmp_flows": ("Flows", "Flux", "التدفقات"),
    "rv.cmp_answers": ("Answers", "Réponses", "الإجابات"),
    "rv.cmp_changed": (
        "{title}: {count} changed",
        "{title} : {count} modifié(s)",
        "{title}: {count} تغيير",
    ),
    # status words (never colour alone)
    "st.ready": ("✓ ready", "✓ prêt", "✓ جاهز"),
    "st.conditional": ("~ conditional", "~ sous conditions", "~ بشروط"),
    "st.not_ready": ("✗ not ready", "✗ pas prêt", "✗ غير جاهز"),
    "st.blocked": ("⛔ blocked", "⛔ bloqué", "⛔ محظور"),
    # help (tui-polish): F1, grouped by task, in plain words, with the signs explained
    "help.title": (
        "Help: keys and signs",
        "Aide : touches et signes",
        "مساعدة: المفاتيح والعلامات",
    ),
    "help.close": ("Esc or F1: close", "Échap ou F1 : fermer", "Esc أو F1: إغلاق"),
    "help.more": (
        "↓ more below: ↓, PgDn or the mouse wheel",
        "↓ suite plus bas : ↓, Pg suiv ou la molette",
        "↓ المزيد أسفله: ↓ أو PgDn أو عجلة الفأرة",
    ),
    "help.end": ("(end of the help)", "(fin de l'aide)", "(نهاية المساعدة)"),
    "help.arabic_title": (
        "Arabic in the terminal",
        "L'arabe dans le terminal",
        "العربية في الطرفية",
    ),
    "help.arabic": (
        "Most terminals draw Arabic letters unjoined, in the order they are written: read each "
        "line's Arabic from left to right. A few terminals join the letters (README, \"Arabic in "
        'the terminal"). The HTML and PDF reports show Arabic properly, right to left.',
        "La plupart des terminaux affichent les lettres arabes non liées, dans l'ordre où elles "
        "sont écrites : l'arabe d'une ligne se lit alors de gauche à droite. Quelques terminaux "
        "lient les lettres (README, « Arabic in the terminal »). Les rapports HTML et PDF "
        "affichent l'arabe correctement, de droite à gauche.",
        "تعرض معظم الطرفيات الحروف العربية منفصلة، بترتيب كتابتها: يقرأ النص العربي في كل سطر "
        "من اليسار إلى اليمين. وقليل من الطرفيات يصل الحروف (README، «Arabic in the terminal»). "
        "وتعرض تقارير HTML وPDF العربية كما ينبغي، من اليمين إلى اليسار.",
    ),
    "help.signs": ("What the signs mean", "Ce que signifient les signes", "معنى العلامات"),
    "help.g.answer": ("Answering", "Répondre", "الإجابة"),
    "help.g.move": ("Moving around", "Se déplacer", "التنقل"),
    "help.g.flows": ("Flows and results", "Flux et résultats", "التدفقات والنتائج"),
    "help.g.workspace": ("Workspace", "Espace de travail", "مساحة العمل"),
    "help.g.share": ("Sharing and signing", "Partager et signer", "المشاركة والتوقيع"),
    "help.g.review": (
        "Reviewing signed bundles",
        "Examiner des paquets signés",
        "فحص الحزم الموقعة",
    ),
    "help.g.general": ("Everywhere", "Partout", "في كل مكان"),
    "help.k.space_enter": ("Space, Enter", "Espace, Entrée", "مسافة، إدخال"),
    "help.k.space": ("Space", "Espace", "مسافة"),
    "help.k.arrows": ("↑ ↓", "↑ ↓", "↑ ↓"),
    "help.k.tab": ("Tab, Shift+Tab", "Tab, Maj+Tab", "Tab, Shift+Tab"),
    "help.d.choose": (
        "Tick or choose the highlighted option (saved at once)",
        "Cocher ou choisir l'option en surbrillance (enregistré aussitôt)",
        "اختيار الخيار المحدد أو التأشير عليه (يحفظ فورا)",
    ),
    "help.d.tick": (
        "Change a tick: not known yet, yes, no",
        "Changer une case : pas encore connu, oui, non",
        "تغيير خانة: غير معروف بعد، نعم، لا",
    ),
    "help.d.pick_flow": ("Highlight a flow", "Mettre un flux en surbrillance", "تحديد تدفق"),
    "help.d.pick_row": (
        "Highlight a client or an assessment",
        "Mettre un client ou une évaluation en surbrillance",
        "تحديد عميل أو تقييم",
    ),
    "help.d.pick_bundle": ("Highlight a bundle", "Mettre un paquet en surbrillance", "تحديد حزمة"),
    "help.d.tab": (
        "Go to the next or previous area",
        "Aller à la zone suivante ou précédente",
        "الانتقال إلى المنطقة التالية أو السابقة",
    ),
    # what the command palette says a hit is
    "cmd.find": ("Search for commands…", "Rechercher une commande…", "البحث عن أمر…"),
    "cmd.find_question": (
        "Search for a question or a control: its id or words…",
        "Rechercher une question ou un contrôle : son identifiant ou des mots…",
        "البحث عن سؤال أو ضابط: معرفه أو كلمات منه…",
    ),
    "cmd.control": ("control", "contrôle", "ضابط"),
    "cmd.question": ("question", "question", "سؤال"),
    "help.d.palette": (
        "Find a command by name",
        "Trouver une commande par son nom",
        "البحث عن أمر باسمه",
    ),
    "help.d.palette_questions": (
        "Find a question or a control by id or words",
        "Trouver une question ou un contrôle par identifiant ou par mots",
        "البحث عن سؤال أو ضابط بمعرفه أو بكلمات",
    ),
    "help.d.back": (
        "Go back to the previous screen",
        "Revenir à l'écran précédent",
        "الرجوع إلى الشاشة السابقة",
    ),
    "help.d.leave": (
        "Go back to the previous screen",
        "Revenir à l'écran précédent",
        "الرجوع إلى الشاشة السابقة",
    ),
    "help.d.dismiss_view": ("Close this view", "Fermer cette vue", "إغلاق هذا العرض"),
    "help.d.cancel": ("Close without saving", "Fermer sans enregistrer", "إغلاق دون حفظ"),
    "help.d.close": ("Close", "Fermer", "إغلاق"),
    "help.d.next": ("Next question", "Question suivante", "السؤال التالي"),
    "help.d.previous": ("Previous question", "Question précédente", "السؤال السابق"),
    "help.d.next_unanswered": (
        "Next question not answered yet",
        "Prochaine question sans réponse",
        "السؤال التالي الذي لم يجب عنه بعد",
    ),
    "help.d.jump": (
        "Jump to a question: type its id or words",
        "Aller à une question : tapez son identifiant ou des mots",
        "الانتقال إلى سؤال: اكتبوا معرفه أو كلمات منه",
    ),
    "help.d.slash_jump": (
        "Jump to a question: type its id or words",
        "Aller à une question : tapez son identifiant ou des mots",
        "الانتقال إلى سؤال: اكتبوا معرفه أو كلمات منه",
    ),
    "help.d.tree": (
        "Go to the list of sections",
        "Aller à la liste des sections",
        "الانتقال إلى قائمة الأقسام",
    ),
    "help.d.toggle_na": (
        "Mark the question not applicable, or undo it",
        "Marquer la question sans objet, ou l'annuler",
        "وسم السؤال بأنه لا ينطبق، أو التراجع عن ذلك",
    ),
    "help.d.comment": (
        "Write a comment on the answer",
        "Écrire un commentaire sur la réponse",
        "كتابة تعليق على الإجابة",
    ),
    "help.d.evidence": (
        "Attach an evidence file (its fingerprint is recorded)",
        "Joindre un fichier de preuve (son empreinte est enregistrée)",
        "إرفاق ملف دليل (تسجل بصمته)",
    ),
    "help.d.flows": (
        "Data flows of this assessment",
        "Flux de données de cette évaluation",
        "تدفقات المعطيات لهذا التقييم",
    ),
    "help.d.results": (
        "Results: scores, flow readiness, action plan",
        "Résultats : scores, flux, plan d'actions",
        "النتائج: نتائج التنقيط، جاهزية التدفقات، خطة العمل",
    ),
    "help.d.add": ("Add a data flow", "Ajouter un flux de données", "إضافة تدفق للمعطيات"),
    "help.d.edit": (
        "Edit the highlighted flow",
        "Modifier le flux en surbrillance",
        "تعديل التدفق المحدد",
    ),
    "help.d.save": ("Save", "Enregistrer", "حفظ"),
    "help.d.delete": (
        "Delete what is highlighted (asks first)",
        "Supprimer ce qui est en surbrillance (demande d'abord)",
        "حذف العنصر المحدد (بعد التأكيد)",
    ),
    "help.d.new_client": ("Add a client", "Ajouter un client", "إضافة عميل"),
    "help.d.start": (
        "Start an assessment for the highlighted client",
        "Démarrer une évaluation pour le client en surbrillance",
        "بدء تقييم للعميل المحدد",
    ),
    "help.d.open": (
        "Open the highlighted assessment",
        "Ouvrir l'évaluation en surbrillance",
        "فتح التقييم المحدد",
    ),
    "help.d.duplicate": (
        "New cycle: a copy of the highlighted assessment to update",
        "Nouveau cycle : une copie de l'évaluation en surbrillance, à mettre à jour",
        "دورة جديدة: نسخة من التقييم المحدد لتحيينها",
    ),
    "help.d.rename": (
        "Rename the highlighted client",
        "Renommer le client en surbrillance",
        "تغيير اسم العميل المحدد",
    ),
    "help.d.audit": (
        "Audit log: who changed what, and when",
        "Journal d'audit : qui a changé quoi, et quand",
        "سجل التدقيق: من عدل ماذا، ومتى",
    ),
    "help.d.import": (
        "Import an assessment file",
        "Importer un fichier d'évaluation",
        "استيراد ملف تقييم",
    ),
    "help.d.export": (
        "Export the highlighted assessment to a file (encrypted if you wish)",
        "Exporter l'évaluation en surbrillance dans un fichier (chiffré si vous le souhaitez)",
        "تصدير التقييم المحدد إلى ملف (مشفر إن شئتم)",
    ),
    "help.d.answer_pack": (
        "Write an answer pack: a workbook others fill in",
        "Écrire un dossier de réponses : un classeur que d'autres remplissent",
        "كتابة ملف إجابات: مصنف يملؤه آخرون",
    ),
    "help.d.read_pack": (
        "Read a filled-in answer pack back",
        "Relire un dossier de réponses rempli",
        "إعادة قراءة ملف إجابات مملوء",
    ),
    "help.d.report": (
        "Write the report (HTML, Markdown, PDF)",
        "Écrire le rapport (HTML, Markdown, PDF)",
        "كتابة التقرير (HTML، Markdown، PDF)",
    ),
    "help.d.sign": (
        "Sign the report into a bundle with your key",
        "Signer le rapport dans un paquet avec votre clé",
        "توقيع التقرير في حزمة بمفتاحكم",
    ),
    "help.d.review": (
        "Review signed bundles you received",
        "Examiner des paquets signés reçus",
        "فحص الحزم الموقعة التي توصلتم بها",
    ),
    "help.d.open_folder": (
        "Open a folder of signed bundles",
        "Ouvrir un dossier de paquets signés",
        "فتح مجلد للحزم الموقعة",
    ),
    "help.d.cycle_sort": (
        "Change the order of the list",
        "Changer l'ordre de la liste",
        "تغيير ترتيب القائمة",
    ),
    "help.d.focus_filter": ("Filter the list", "Filtrer la liste", "تصفية القائمة"),
    "help.d.compare": (
        "Mark a bundle, then compare it with another",
        "Marquer un paquet, puis le comparer à un autre",
        "تعليم حزمة، ثم مقارنتها بأخرى",
    ),
    "help.d.decide": (
        "Record a decision with a comment",
        "Enregistrer une décision avec un commentaire",
        "تسجيل قرار مع تعليق",
    ),
    "help.d.open_html": (
        "Open the report in the browser",
        "Ouvrir le rapport dans le navigateur",
        "فتح التقرير في المتصفح",
    ),
    "help.d.parent": (
        "Go to the parent folder",
        "Aller au dossier parent",
        "الانتقال إلى المجلد الأب",
    ),
    "help.d.toggle_hidden": (
        "Show or hide hidden files",
        "Afficher ou masquer les fichiers cachés",
        "إظهار الملفات المخفية أو إخفاؤها",
    ),
    "help.d.focus_path": ("Type a path", "Saisir un chemin", "كتابة مسار"),
    "help.d.answer": (
        "Answer the question: y yes, n or Esc no",
        "Répondre à la question : y oui, n ou Échap non",
        "الإجابة عن السؤال: y نعم، n أو Esc لا",
    ),
    "help.d.dismiss": ("Close", "Fermer", "إغلاق"),
    "help.d.toggle_clients": (
        "This client or every client",
        "Ce client ou tous les clients",
        "هذا العميل أو جميع العملاء",
    ),
    "help.d.help": ("Show this help", "Afficher cette aide", "عرض هذه المساعدة"),
    "help.d.toggle_language": (
        "Français / English",
        "English / Français",
        "English / Français / العربية",
    ),
    "help.d.toggle_theme": (
        "Dark or light colours",
        "Couleurs sombres ou claires",
        "ألوان داكنة أو فاتحة",
    ),
    "help.d.quit": (
        "Quit (answers are already saved)",
        "Quitter (les réponses sont déjà enregistrées)",
        "خروج (الإجابات محفوظة سلفا)",
    ),
    "help.d.refresh": (
        "Read the workspace again (others' changes)",
        "Relire l'espace de travail (les changements des autres)",
        "إعادة قراءة مساحة العمل (تغييرات الآخرين)",
    ),
    "help.sg.tree": ("In the list of questions", "Dans la liste des questions", "في قائمة الأسئلة"),
    "help.sg.ticks": (
        "Ticks in the flow form",
        "Cases du formulaire de flux",
        "الخانات في استمارة التدفق",
    ),
    "help.sg.rating": ("Ratings", "Niveaux", "التصنيفات"),
    "help.sg.status": ("Flow readiness", "État des flux", "جاهزية التدفقات"),
    "help.sg.plan": ("Action plan", "Plan d'actions", "خطة العمل"),
    "help.s.answered": ("answered", "répondue", "مجاب عنه"),
    "help.s.unanswered": ("not answered yet", "pas encore répondue", "لم يجب عنه بعد"),
    "help.s.na": ("not applicable (N/A)", "sans objet", "لا ينطبق (N/A)"),
    "help.s.draft": (  # tui-answer
        "typed but not saved (not valid yet): fix it, or Esc there",
        "saisie non enregistrée (pas encore valide) : corrigez-la, ou Échap",
        "مكتوب لكن غير محفوظ (غير صالح بعد): صححوه، أو Esc فيه",
    ),
    "help.s.blank": ("(blank)", "(vide)", "(فارغة)"),
    "help.s.tick_unknown": ("not known yet", "pas encore connu", "غير معروف بعد"),
    "help.s.tick_yes": ("yes", "oui", "نعم"),
    "help.s.tick_no": ("no", "non", "لا"),
    "help.s.rating_top": (
        "the best band (ready)",
        "la meilleure tranche (prêt)",
        "أعلى فئة (جاهز)",
    ),
    "help.s.rating_middle": (
        "a middle band (conditional)",
        "une tranche intermédiaire (sous conditions)",
        "فئة وسطى (بشروط)",
    ),
    "help.s.rating_bottom": (
        "the lowest band (not ready)",
        "la tranche la plus basse (pas prêt)",
        "أدنى فئة (غير جاهز)",
    ),
    "help.s.ready": (
        "ready: the transfer may go ahead",
        "prêt : le transfert peut avoir lieu",
        "جاهز: يمكن أن يتم النقل",
    ),
    "help.s.conditional": (
        "conditional: rests on pending items or unverified lists",
        "sous conditions : repose sur des éléments en attente ou des listes non vérifiées",
        "بشروط: يتوقف على عناصر معلقة أو قوائم غير متحقق منها",
    ),
    "help.s.not_ready": (
        "not ready: something required is missing",
        "pas prêt : il manque un élément requis",
        "غير جاهز: ينقص شيء لازم",
    ),
    "help.s.blocked": (
        "blocked: unlawful as things stand",
        "bloqué : illicite en l'état",
        "محظور: غير مشروع في الوضع الحالي",
    ),
    "help.s.caps": (
        "this gap caps the rating: fix it first",
        "cette lacune plafonne le niveau : à corriger d'abord",
        "هذه الثغرة تحد من التصنيف: عالجوها أولا",
    ),
    "help.s.critical": ("a critical control", "un contrôle critique", "ضابط حاسم"),
    "help.s.warning": ("a warning to read", "un avertissement à lire", "تنبيه يجب قراءته"),
    # tia-doc: the transfer impact assessment screen (t on a flow)
    "key.tia": ("TIA", "AITD", "تقييم أثر النقل"),
    "help.d.tia": (
        "Open the transfer impact assessment of the flow",
        "Ouvrir l'analyse d'impact du transfert du flux",
        "فتح تقييم أثر النقل للتدفق",
    ),
    "tia.title": ("Transfer impact assessment", "Analyse d'impact du transfert", "تقييم أثر النقل"),
    "tia.heading": (
        "TIA · {flow} → {country}",
        "AITD · {flow} → {country}",
        "تقييم أثر النقل · {flow} → {country}",
    ),
    "tia.step1": ("1 · The transfer", "1 · Le transfert", "1 · النقل"),
    "tia.step2": ("2 · The transfer tool", "2 · L'outil de transfert", "2 · أداة النقل"),
    "tia.step3": (
        "3 · Law and practice: {country}",
        "3 · Droit et pratique : {country}",
        "3 · القانون والممارسة: {country}",
    ),
    "tia.step4": (
        "4 · Supplementary measures",
        "4 · Mesures supplémentaires",
        "4 · التدابير التكميلية",
    ),
    "tia.calc": (
        "Probability of a prohibited access",
        "Probabilité d'un accès interdit",
        "احتمال ولوج محظور",
    ),
    "tia.step5": ("5 · Procedural steps", "5 · Démarches formelles", "5 · الخطوات الإجرائية"),
    "tia.step6": ("6 · Re-evaluation", "6 · Réévaluation", "6 · إعادة التقييم"),
    "tia.purpose": ("Purpose", "Finalité", "الغاية"),
    "tia.data": ("Data", "Données", "المعطيات"),
    "tia.subjects": ("Data subjects", "Personnes concernées", "الأشخاص المعنيون"),
    "tia.volume": ("Number of subjects", "Nombre de personnes", "عدد الأشخاص المعنيين"),
    "tia.frequency": ("Frequency", "Fréquence", "التواتر"),
    "tia.mode": ("Mode", "Mode", "الطريقة"),
    "tia.mode.file_transfer": ("file transfer", "transfert de fichiers", "نقل ملفات"),
    "tia.mode.api": ("API", "API", "واجهة برمجية (API)"),
    "tia.mode.remote_access": ("remote access", "accès à distance", "ولوج عن بعد"),
    "tia.mode.email": ("email", "courrier électronique", "بريد إلكتروني"),
    "tia.mode.physical_media": ("physical media", "support physique", "وسائط مادية"),
    "tia.storage": ("Stored in", "Stockées à", "التخزين في"),
    "tia.access": ("Accessed from", "Accessibles depuis", "الولوج من"),
    "tia.onward": ("Onward flows", "Flux ultérieurs", "التدفقات اللاحقة"),
    "tia.mechanism": ("Tool", "Outil", "الأداة"),
    "tia.scc_signed": ("SCCs signed", "CCT signées", "البنود التعاقدية النموذجية موقعة"),
    "tia.unknown": ("unknown", "inconnu", "غير معروف"),
    "tia.none": ("none", "aucun", "لا شيء"),
    "tia.yes": ("yes", "oui", "نعم"),
    "tia.no": ("no", "non", "لا"),
    "tia.sheet_of": (
        "Country sheet of {country} ({date}): {verified} of {count} bases checked against the "
        "primary text.",
        "Fiche pays {country} ({date}) : {verified} bases sur {count} vérifiées sur le texte "
        "officiel.",
        "بطاقة بلد {country} ({date}): {verified} من {count} أسس تم التحقق منها في النص الأصلي.",
    ),
    "tia.no_sheet": (
        "The reference set has no country sheet for {country}: the bases are shown by id.",
        "Le jeu de référence n'a pas de fiche pays pour {country} : les bases sont citées par "
        "leur identifiant.",
        "لا تتضمن المجموعة المرجعية بطاقة للبلد {country}: تعرض الأسس بمعرفاتها.",
    ),
    "tia.no_bases": (
        "No legal basis to show.",
        "Aucune base légale à afficher.",
        "لا يوجد أساس قانوني لعرضه.",
    ),
    "tia.applies.yes": ("✗ applies", "✗ s'applique", "✗ ينطبق"),
    "tia.applies.no": ("✓ does not apply", "✓ ne s'applique pas", "✓ لا ينطبق"),
    "tia.applies.unknown": ("? not assessed", "? non évaluée", "? لم يقيم"),
    "tia.verified": (
        "✓ checked against the primary text",
        "✓ vérifiée sur le texte officiel",
        "✓ متحقق منه في النص الأصلي",
    ),
    "tia.unverified": (
        "? not verified: {caveat}",
        "? non vérifiée : {caveat}",
        "? غير متحقق منه: {caveat}",
    ),
    "tia.not_on_sheet": (
        "not on the country sheet",
        "absente de la fiche pays",
        "غير وارد في بطاقة البلد",
    ),
    "tia.allows": ("Allows", "Permet", "ما يسمح به"),
    "tia.compelled": ("Who can be compelled", "Qui peut être contraint", "من يمكن إلزامه"),
    "tia.oversight": ("Oversight", "Contrôle", "الرقابة"),
    "tia.redress": ("Redress", "Recours", "سبل الانتصاف"),
    "tia.eeg": (
        "European Essential Guarantees",
        "Garanties essentielles européennes",
        "الضمانات الأوروبية الأساسية",
    ),
    "tia.verdict.met": ("met", "satisfaite", "مستوفاة"),
    "tia.verdict.partly_met": ("partly met", "en partie satisfaite", "مستوفاة جزئيا"),
    "tia.verdict.not_met": ("not met", "non satisfaite", "غير مستوفاة"),
    "tia.verdict.unclear": ("unclear", "incertaine", "غير واضح"),
    "tia.why": ("Why", "Pourquoi", "السبب"),
    "tia.sources": ("Sources", "Sources", "المصادر"),
    "tia.use_case": ("Use case: {name}", "Cas d'usage : {name}", "حالة الاستعمال: {name}"),
    "tia.no_use_case": (
        "Use case: not given",
        "Cas d'usage : non renseigné",
        "حالة الاستعمال: غير محددة",
    ),
    "tia.effective": (
        "The EDPB found technical measures can be effective here.",
        "Le CEPD estime que des mesures techniques peuvent être efficaces ici.",
        "رأى المجلس الأوروبي لحماية البيانات أن التدابير التقنية يمكن أن تكون فعالة هنا.",
    ),
    "tia.not_effective": (
        "The EDPB found no effective technical measure here: the data is readable in the "
        "destination.",
        "Le CEPD n'a trouvé aucune mesure technique efficace ici : les données sont lisibles à "
        "destination.",
        "لم ير المجلس الأوروبي لحماية البيانات أي تدبير تقني فعال هنا: المعطيات مقروءة في بلد "
        "الوجهة.",
    ),
    "tia.no_measures": (
        "No supplementary measure recorded.",
        "Aucune mesure supplémentaire.",
        "لم يسجل أي تدبير تكميلي.",
    ),
    "tia.measure_against": ("against {bases}", "contre {bases}", "في مواجهة {bases}"),
    "tia.measure_warning": (
        "⚠ cannot neutralise these bases in this use case: reported, not counted",
        "⚠ ne peut pas neutraliser ces bases dans ce cas d'usage : signalée, non retenue",
        "⚠ لا يمكنه تحييد هذه الأسس في حالة الاستعمال هذه: يذكر ولا يحتسب",
    ),
    "tia.period": ("Period (years)", "Période (années)", "المدة (بالسنوات)"),
    "tia.tolerance": ("Tolerance (0 to 1)", "Tolérance (de 0 à 1)", "الحد المقبول (من 0 إلى 1)"),
    "tia.justification": ("Justification", "Justification", "التعليل"),
    "tia.per_input": (
        "one justification per input (kept as it is)",
        "une justification par donnée (conservée telle quelle)",
        "تعليل لكل مدخل (يحفظ كما هو)",
    ),
    "tia.result": (
        "P over {years} years: {p} · tolerance {tolerance} · {verdict}",
        "P sur {years} ans : {p} · tolérance {tolerance} · {verdict}",
        "الاحتمال على {years} سنوات: {p} · الحد المقبول {tolerance} · {verdict}",
    ),
    "tia.within": ("✓ within", "✓ dans la tolérance", "✓ ضمن الحد"),
    "tia.above": ("✗ above", "✗ au-dessus", "✗ فوق الحد"),
    "tia.no_result": (
        "No estimate yet: give the tolerance and, per basis, four probabilities and a "
        "justification.",
        "Pas encore d'estimation : donnez la tolérance et, par base, quatre probabilités et une "
        "justification.",
        "لا تقدير بعد: أدخلوا الحد المقبول، ولكل أساس أربعة احتمالات وتعليلا.",
    ),
    "tia.no_rows": (
        "No basis to estimate: the estimate has a row for each basis step 3 finds applying "
        "(in step 3, a on a basis marks it applying).",
        "Aucune base à estimer : l'estimation a une ligne par base que l'étape 3 juge applicable "
        "(à l'étape 3, a sur une base la marque applicable).",
        "لا أساس للتقدير: في التقدير سطر لكل أساس تجده الخطوة 3 منطبقا (في الخطوة 3، يضغط a على "
        "أساس لوسمه منطبقا).",
    ),
    "tia.problem": ("✗ {field}: {problem}", "✗ {field} : {problem}", "✗ {field}: {problem}"),
    "tia.p_missing": (
        "give a number from 0 to 1",
        "donnez un nombre de 0 à 1",
        "أدخلوا عددا من 0 إلى 1",
    ),
    "tia.nan": (
        "{text} is not a number: write digits with a decimal point or comma",
        "{text} n'est pas un nombre : écrivez des chiffres avec une virgule ou un point",
        "{text} ليس عددا: اكتبوا أرقاما بفاصلة عشرية أو نقطة",
    ),
    "tia.range": (
        "{text} is outside 0..1: a probability is from 0 to 1",
        "{text} est hors de 0..1 : une probabilité va de 0 à 1",
        "{text} خارج المجال 0..1: الاحتمال من 0 إلى 1",
    ),
    "tia.why_missing": (
        "say in words why these figures (a justification is required)",
        "dites pourquoi ces chiffres (une justification est requise)",
        "اشرحوا بالكلمات سبب هذه الأرقام (التعليل لازم)",
    ),
    "tia.period_range": (
        "{text} is not a whole number of years from 1 to {most}",
        "{text} n'est pas un nombre entier d'années de 1 à {most}",
        "{text} ليس عددا صحيحا من السنوات من 1 إلى {most}",
    ),
    "tia.sensitivity": (
        "Halved → doubled, per input (dominant first):",
        "Divisée par deux → doublée, par donnée (la dominante d'abord) :",
        "النصف → الضعف، لكل مدخل (الأكثر تأثيرا أولا):",
    ),
    "tia.dominant": (
        "dominant: {input} of {basis}",
        "dominante : {input} pour {basis}",
        "الأكثر تأثيرا: {input} للأساس {basis}",
    ),
    "tia.procedural_none": (
        "No procedural step is needed.",
        "Aucune démarche n'est nécessaire.",
        "لا حاجة إلى أي خطوة إجرائية.",
    ),
    "tia.procedural_unknown": ("Not assessed.", "Non évaluées.", "لم يقيم."),
    "tia.done": ("done", "faite", "منجز"),
    "tia.pending": ("to do", "à faire", "للإنجاز"),
    "tia.review_by": (
        "Re-evaluate by {date}",
        "À réévaluer avant le {date}",
        "إعادة التقييم قبل {date}",
    ),
    "tia.review_unknown": (
        "Re-evaluation date: not given",
        "Date de réévaluation : non donnée",
        "تاريخ إعادة التقييم: غير محدد",
    ),
    "tia.overdue": (
        "⚠ past on the assessment date",
        "⚠ dépassée à la date de l'évaluation",
        "⚠ فات في تاريخ التقييم",
    ),
    "tia.triggers": ("Triggers: {items}", "Déclencheurs : {items}", "الدواعي: {items}"),
    "tia.saved": ("TIA saved.", "AITD enregistrée.", "تم حفظ تقييم أثر النقل."),
    "tia.no_flow": ("No flow is highlighted.", "Aucun flux n'est sélectionné.", "لم يحدد أي تدفق."),
    "tia.leave_invalid": (
        "An input does not read ({problem}). Leave without saving it?",
        "Une donnée n'est pas lisible ({problem}). Quitter sans l'enregistrer ?",
        "أحد المدخلات غير مقروء ({problem}). المغادرة دون حفظه؟",
    ),
    # tia-tui: creating the TIA on its screen (steps 3, 4 and 6 editable)
    "tia.in.p_target": ("P(target)", "P(ciblage)", "P(الاستهداف)"),
    "tia.in.p_compel": ("P(compelled)", "P(contrainte)", "P(الإلزام)"),
    "tia.in.p_readable": ("P(readable)", "P(lisible)", "P(القراءة)"),
    "tia.in.p_challenge_fails": ("P(challenge fails)", "P(recours vain)", "P(فشل الطعن)"),
    "key.tia_applies": ("Applies y/n", "S'applique o/n", "ينطبق نعم/لا"),
    "key.tia_remove": ("Remove measure", "Retirer la mesure", "إزالة التدبير"),
    "tia.law_hint": (
        "a: the highlighted basis applies or not; then say why below.",
        "a : la base en surbrillance s'applique ou non ; puis dites pourquoi ci-dessous.",
        "a: الأساس المحدد ينطبق أو لا؛ ثم اذكروا السبب أدناه.",
    ),
    "tia.law_why": (
        "Why it applies or not (required)",
        "Pourquoi elle s'applique ou non (requis)",
        "لماذا ينطبق أو لا (لازم)",
    ),
    "tia.law_why_missing": (
        "say in words why it applies or not (a justification is required)",
        "dites pourquoi elle s'applique ou non (une justification est requise)",
        "اشرحوا بالكلمات لماذا ينطبق أو لا (التعليل لازم)",
    ),
    "tia.use_case_prompt": (
        "EDPB use case: choose one",
        "Cas d'usage du CEPD : choisissez-en un",
        "حالة الاستعمال وفق المجلس الأوروبي لحماية البيانات: اختاروا واحدة",
    ),
    "tia.uc.storage_exporter_keys": (
        "1. Storage only, keys kept by the exporter",
        "1. Simple stockage, clés gardées par l'exportateur",
        "1. تخزين فقط، والمفاتيح لدى المصدر",
    ),
    "tia.uc.pseudonymised": (
        "2. Pseudonymised data",
        "2. Données pseudonymisées",
        "2. معطيات مستعارة الهوية",
    ),
    "tia.uc.encrypted_transit": (
        "3. Encrypted data passing through",
        "3. Données chiffrées en transit",
        "3. معطيات مشفرة عابرة",
    ),
    "tia.uc.protected_recipient": (
        "4. Recipient protected by its own law",
        "4. Destinataire protégé par sa propre loi",
        "4. مرسل إليه محمي بقانونه",
    ),
    "tia.uc.split_processing": (
        "5. Processing split between parties",
        "5. Traitement réparti entre plusieurs parties",
        "5. معالجة مجزأة بين أطراف",
    ),
    "tia.uc.cloud_in_clear": (
        "6. Cloud or processor sees the data in clear",
        "6. Cloud ou sous-traitant qui voit les données en clair",
        "6. حوسبة سحابية أو معالج من الباطن يرى المعطيات واضحة",
    ),
    "tia.uc.remote_access_business": (
        "7. Remote access to data in clear for business",
        "7. Accès à distance en clair pour l'activité",
        "7. ولوج عن بعد إلى معطيات واضحة لأغراض العمل",
    ),
    "tia.kind.technical": ("Technical", "Technique", "تقني"),
    "tia.kind.contractual": ("Contractual", "Contractuelle", "تعاقدي"),
    "tia.kind.organisational": ("Organisational", "Organisationnelle", "تنظيمي"),
    "tia.measure_text": (
        "New measure: what it does (Enter adds it)",
        "Nouvelle mesure : ce qu'elle fait (Entrée l'ajoute)",
        "تدبير جديد: ما يقوم به (إدخال يضيفه)",
    ),
    "tia.measure_bases": (
        "Bases it neutralises: ids, commas between",
        "Bases qu'elle neutralise : identifiants, virgules entre",
        "الأسس التي يحيدها: المعرفات، بينها فواصل",
    ),
    "tia.measures_hint": (
        "Del on the list removes the highlighted measure.",
        "Suppr sur la liste retire la mesure en surbrillance.",
        "Del على القائمة يزيل التدبير المحدد.",
    ),
    "tia.measure_no_text": (
        "Describe the measure, then press Enter to add it.",
        "Décrivez la mesure, puis appuyez sur Entrée pour l'ajouter.",
        "صفوا التدبير، ثم اضغطوا إدخال لإضافته.",
    ),
    "tia.measure_unknown_basis": (
        "{basis} is not a basis on this country's sheet: give one of {ids}.",
        "{basis} n'est pas une base de la fiche de ce pays : donnez l'une de {ids}.",
        "{basis} ليس أساسا في بطاقة هذا البلد: أدخلوا أحد {ids}.",
    ),
    "tia.date": ("TIA date", "Date de l'AITD", "تاريخ تقييم أثر النقل"),
    "tia.review": ("Re-evaluate by", "À réévaluer avant le", "إعادة التقييم قبل"),
    "tia.date_hint": ("DD/MM/YYYY", "JJ/MM/AAAA", "DD/MM/YYYY"),
    "tia.not_date": (
        "{text} is not a date: type DD/MM/YYYY or YYYY-MM-DD",
        "{text} n'est pas une date : tapez JJ/MM/AAAA ou AAAA-MM-JJ",
        "{text} ليس تاريخا: اكتبوا DD/MM/YYYY أو YYYY-MM-DD",
    ),
    "tia.review_needs_date": (
        "give the TIA's date first: the re-evaluation date counts from it",
        "donnez d'abord la date de l'AITD : la réévaluation se compte à partir d'elle",
        "أدخلوا تاريخ تقييم أثر النقل أولا: يحتسب تاريخ إعادة التقييم انطلاقا منه",
    ),
    "tia.review_before": (
        "{review} is before the TIA's date {date}: give a later date",
        "{review} précède la date de l'AITD, {date} : donnez une date plus tardive",
        "{review} يسبق تاريخ تقييم أثر النقل {date}: أدخلوا تاريخا لاحقا",
    ),
    "tia.review_too_late": (
        "{review} is more than a year after the TIA's date: re-evaluate by {limit} at the latest",
        "{review} est plus d'un an après la date de l'AITD : réévaluez au plus tard le {limit}",
        "{review} يتجاوز تاريخ تقييم أثر النقل بأكثر من سنة: أعيدوا التقييم قبل {limit} على "
        "أبعد تقدير",
    ),
    # flow form (tui-polish): categories, SCC modules by name, the basis only where data leaves
    "fl.data_categories": ("Data categories", "Catégories de données", "فئات المعطيات"),
    "fl.data_categories_hint": (
        "commas between: identity, contact, …",
        "virgules entre : identité, coordonnées, …",
        "بينها فواصل: الهوية، الاتصال، …",
    ),
    "fl.subject_categories": ("Data subjects", "Personnes concernées", "الأشخاص المعنيون"),
    "fl.subject_categories_hint": (
        "commas between: customers, staff, …",
        "virgules entre : clients, salariés, …",
        "بينها فواصل: الزبناء، المستخدمون، …",
    ),
    "fl.bad_list": (
        "{field}: at most {count} entries of {length} characters each",
        "{field} : au plus {count} entrées de {length} caractères chacune",
        "{field}: {count} عنصرا على الأكثر، طول كل منها {length} حرفا",
    ),
    "fl.basis_not_needed": ("— not needed", "— sans objet", "— غير لازم"),
    "fl.scc.scc_module_1": (
        "SCC module 1 (controller to controller)",
        "CCT, module 1 (responsable à responsable)",
        "البنود التعاقدية النموذجية، النموذج 1 (من مسؤول عن المعالجة إلى مسؤول عن المعالجة)",
    ),
    "fl.scc.scc_module_2": (
        "SCC module 2 (controller to processor)",
        "CCT, module 2 (responsable à sous-traitant)",
        "البنود التعاقدية النموذجية، النموذج 2 (من مسؤول عن المعالجة إلى معالج من الباطن)",
    ),
    "fl.scc.scc_module_3": (
        "SCC module 3 (processor to processor)",
        "CCT, module 3 (sous-traitant à sous-traitant)",
        "البنود التعاقدية النموذجية، النموذج 3 (من معالج من الباطن إلى معالج من الباطن)",
    ),
    "fl.scc.scc_module_4": (
        "SCC module 4 (processor to controller)",
        "CCT, module 4 (sous-traitant à responsable)",
        "البنود التعاقدية النموذجية، النموذج 4 (من معالج من الباطن إلى مسؤول عن المعالجة)",
    ),
    # file picker
    "fp.title": ("Pick a file", "Choisir un fichier", "اختيار ملف"),
    "fp.placeholder": (
        "Path of a file or folder",
        "Chemin d'un fichier ou d'un dossier",
        "مسار ملف أو مجلد",
    ),
    "fp.hint": (
        "Enter: pick or open · Backspace: parent folder · Ctrl+H or .: hidden files"
        " · Ctrl+L: type a path · Esc: cancel",
        "Entrée : choisir ou ouvrir · Retour arrière : dossier parent"
        " · Ctrl+H ou . : fichiers cachés · Ctrl+L : saisir un chemin · Échap : annuler",
        "إدخال: اختيار أو فتح · Backspace: المجلد الأب · Ctrl+H أو .: الملفات المخفية · Ctrl+L: "
        "كتابة مسار · Esc: إلغاء",
    ),
    "fp.key.parent": ("Parent folder", "Dossier parent", "المجلد الأب"),
    "fp.key.hidden": ("Hidden files", "Fichiers cachés", "الملفات المخفية"),
    "fp.key.path": ("Type a path", "Saisir un chemin", "كتابة مسار"),
    "fp.missing": (
        "{path}: no such file or folder",
        "{path} : fichier ou dossier introuvable",
        "{path}: لا يوجد ملف أو مجلد بهذا الاسم",
    ),
    "fp.unreadable": (
        "{path} cannot be read.",
        "{path} ne peut pas être lu.",
        "تتعذر قراءة {path}.",
    ),
    "fp.folder_unreadable": (
        "The folder {path} cannot be opened.",
        "Le dossier {path} ne peut pas être ouvert.",
        "يتعذر فتح المجلد {path}.",
    ),
    "fp.not_regular": (
        "{path} is not a regular file (a folder, device, socket or pipe cannot be attached).",
        "{path} n'est pas un fichier ordinaire (ni dossier, ni périphérique, ni socket, ni tube).",
        "{path} ليس ملفا عاديا (لا يمكن إرفاق مجلد أو جهاز أو مقبس أو أنبوب).",
    ),
    # --- tui-workspace: the consultant's workspace, keys, passphrases, exports -----------------
    "ws.key.open": ("Open", "Ouvrir", "فتح"),
    "ws.key.new_client": ("New client", "Nouveau client", "عميل جديد"),
    "ws.key.start": ("Start", "Démarrer", "بدء"),
    "ws.key.new_cycle": ("New cycle", "Nouveau cycle", "دورة جديدة"),
    "ws.key.rename": ("Rename client", "Renommer le client", "تغيير اسم العميل"),
    "ws.key.delete": ("Delete client", "Supprimer le client", "حذف العميل"),
    "ws.key.import": ("Import", "Importer", "استيراد"),
    "ws.key.export": ("Export", "Exporter", "تصدير"),
    "ws.key.review": ("Review signed bundles", "Examiner des paquets signés", "فحص الحزم الموقعة"),
    "ws.key.audit": ("Audit log", "Journal d'audit", "سجل التدقيق"),
    "ws.key.new_key": ("New signing key", "Nouvelle clé de signature", "مفتاح توقيع جديد"),
    "help.d.new_key": (
        "Make a signing key pair (as 'compliance keys generate'), the passphrase asked twice",
        "Créer une paire de clés de signature (comme 'compliance keys generate'), la phrase "
        "secrète demandée deux fois",
        "إنشاء زوج مفاتيح للتوقيع (مثل 'compliance keys generate')، مع طلب عبارة المرور مرتين",
    ),
    "ws.clients_title": ("Clients ({count})", "Clients ({count})", "العملاء ({count})"),
    "ws.assessments_of": (
        "Assessments of {name}",
        "Évaluations du client {name}",
        "تقييمات {name}",
    ),
    "ws.assessments_none": ("Assessments", "Évaluations", "التقييمات"),
    "ws.no_assessment_of": (
        "{name} has no assessment yet: press s to start one.",
        "{name} n'a pas encore d'évaluation : appuyez sur s pour en démarrer une.",
        "ليس لدى {name} أي تقييم بعد: اضغطوا s لبدء تقييم.",
    ),
    "ws.ask_cycle": (
        "Start a new cycle of {client}?\n\nAssessment {id} ({questionnaire}, cycle {cycle}) is "
        "copied with its answers into cycle {next}; assessment {id} stays as it is.",
        "Démarrer un nouveau cycle pour {client} ?\n\nL'évaluation {id} ({questionnaire}, cycle "
        "{cycle}) est copiée avec ses réponses dans le cycle {next} ; l'évaluation {id} reste "
        "telle quelle.",
        "بدء دورة جديدة للعميل {client}؟\n\nينسخ التقييم {id} ({questionnaire}، الدورة {cycle}) "
        "مع إجاباته في الدورة {next}؛ ويبقى التقييم {id} كما هو.",
    ),
    "ws.ask_cycle_version": (
        "Start a new cycle of {client} from assessment {id} (cycle {cycle}). A newer version of "
        "the questionnaire is installed: on which version?",
        "Nouveau cycle pour {client} à partir de l'évaluation {id} (cycle {cycle}). Une version "
        "plus récente du questionnaire est installée : sur quelle version ?",
        "بدء دورة جديدة للعميل {client} انطلاقا من التقييم {id} (الدورة {cycle}). توجد نسخة أحدث "
        "من الاستبيان مثبتة: على أي نسخة؟",
    ),
    "ws.made_cycle": (
        "Cycle {cycle} of {client} made: assessment {id}, a copy of assessment {source}",
        "Cycle {cycle} du client {client} créé : évaluation {id}, copie de l'évaluation {source}",
        "تم إنشاء الدورة {cycle} للعميل {client}: التقييم {id}، نسخة من التقييم {source}",
    ),
    "ws.export_how": (
        "Export assessment {id} of {client}",
        "Exporter l'évaluation {id} du client {client}",
        "تصدير التقييم {id} للعميل {client}",
    ),
    "ws.export_encrypted": (
        "Encrypted (.cmpl): a passphrase, asked twice, protects it; for sending",
        "Chiffrée (.cmpl) : une phrase secrète, demandée deux fois, la protège ; pour l'envoi",
        "مشفر (.cmpl): تحميه عبارة مرور تطلب مرتين؛ للإرسال",
    ),
    "ws.export_plain": (
        "Plain (.json): readable by anyone who gets the file",
        "En clair (.json) : lisible par quiconque obtient le fichier",
        "غير مشفر (.json): يمكن لكل من يحصل على الملف قراءته",
    ),
    "ws.export_where": (
        "File to write (in {folder} unless you type another folder)",
        "Fichier à écrire (dans {folder} sauf si vous tapez un autre dossier)",
        "الملف المراد كتابته (في {folder} ما لم تكتبوا مجلدا آخر)",
    ),
    "ws.export_passphrase": (
        "Passphrase to encrypt {name}; whoever imports it needs it",
        "Phrase secrète pour chiffrer {name} ; elle sera demandée pour l'importer",
        "عبارة المرور لتشفير {name}؛ يحتاج إليها كل من يستورده",
    ),
    "ws.import_where": (
        "File to import (.cmpl encrypted, or .json / .yaml); from {folder} unless you type "
        "another folder",
        "Fichier à importer (.cmpl chiffré, ou .json / .yaml) ; depuis {folder} sauf si vous "
        "tapez un autre dossier",
        "الملف المراد استيراده (.cmpl مشفر، أو .json / .yaml)؛ من {folder} ما لم تكتبوا مجلدا آخر",
    ),
    "ws.ask_replace": (
        "{path} already exists. Replace it?",
        "{path} existe déjà. Le remplacer ?",
        "{path} موجود سلفا. استبداله؟",
    ),
    "ws.exported_encrypted": (
        "Encrypted export written to {path}",
        "Export chiffré écrit dans {path}",
        "تمت كتابة التصدير المشفر في {path}",
    ),
    "ws.imported": (
        "{name} imported as assessment {id} of client {client}",
        "{name} importé comme évaluation {id} du client {client}",
        "تم استيراد {name} بوصفه التقييم {id} للعميل {client}",
    ),
    "ws.name_encrypted": (
        "An encrypted export is not JSON: name it {name}, so that it is known as encrypted.",
        "Un export chiffré n'est pas du JSON : nommez-le {name}, pour qu'il soit reconnu comme "
        "chiffré.",
        "التصدير المشفر ليس JSON: سموه {name}، ليعرف أنه مشفر.",
    ),
    "ws.name_plain": (
        "A .cmpl file is an encrypted export: name this plain one {name}.",
        "Un fichier .cmpl est un export chiffré : nommez celui-ci, en clair, {name}.",
        "ملف .cmpl تصدير مشفر: سموا هذا الملف غير المشفر {name}.",
    ),
    "ws.folder_missing": (
        "{folder}: no such folder",
        "{folder} : dossier introuvable",
        "{folder}: لا يوجد مجلد بهذا الاسم",
    ),
    "ws.is_folder": (
        "{path} is a folder; give a file name",
        "{path} est un dossier ; donnez un nom de fichier",
        "{path} مجلد؛ أدخلوا اسم ملف",
    ),
    "ws.no_file": (
        "{path}: no such file",
        "{path} : fichier introuvable",
        "{path}: لا يوجد ملف بهذا الاسم",
    ),
    "ws.key_made": (
        "Key {name} made. Private: {private} (keep it and its passphrase). Public: {public} "
        '(give it to those who verify: compliance trust add {public} --name "{name}"). '
        "Key id {key_id}",
        "Clé {name} créée. Privée : {private} (gardez-la avec sa phrase secrète). Publique : "
        '{public} (à remettre à qui vérifie : compliance trust add {public} --name "{name}"). '
        "Identifiant {key_id}",
        "تم إنشاء المفتاح {name}. الخاص: {private} (احتفظوا به وبعبارة مروره). العام: "
        '{public} (سلموه لمن يتحقق: compliance trust add {public} --name "{name}"). '
        "معرف المفتاح {key_id}",
    ),
    "welcome.keys": (
        "Enter: choose · Tab: the other button · F2: en français",
        "Entrée : choisir · Tab : l'autre bouton · F2 : العربية",
        "إدخال: اختيار · Tab: الزر الآخر · F2: English",
    ),
    "pp.first": ("Passphrase", "Phrase secrète", "عبارة المرور"),
    "pp.second": (
        "The same passphrase again",
        "La même phrase secrète, à nouveau",
        "عبارة المرور نفسها مرة أخرى",
    ),
    "pp.empty": ("Type a passphrase.", "Tapez une phrase secrète.", "اكتبوا عبارة مرور."),
    "pp.differ": (
        "The two passphrases differ; type them again.",
        "Les deux phrases secrètes diffèrent ; tapez-les à nouveau.",
        "عبارتا المرور مختلفتان؛ اكتبوهما من جديد.",
    ),
    "pp.keys": (
        "Enter: next box, then accept · Escape: cancel",
        "Entrée : case suivante, puis valider · Échap : annuler",
        "إدخال: الخانة التالية، ثم القبول · Esc: إلغاء",
    ),
    "nk.title": ("A new signing key", "Une nouvelle clé de signature", "مفتاح توقيع جديد"),
    "nk.about": (
        "As 'compliance keys generate': a private key, locked by the passphrase, to sign "
        "reports; a public key to give to those who verify them.",
        "Comme 'compliance keys generate' : une clé privée, verrouillée par la phrase secrète, "
        "pour signer les rapports ; une clé publique pour ceux qui les vérifient.",
        "مثل 'compliance keys generate': مفتاح خاص، تقفله عبارة المرور، لتوقيع التقارير؛ ومفتاح "
        "عام يسلم لمن يتحقق منها.",
    ),
    "nk.name": (
        "Who holds the key (e.g. Sud Contact DPO)",
        "Titulaire de la clé (ex. DPO Sud Contact)",
        "حامل المفتاح (مثلا مندوب حماية المعطيات Sud Contact)",
    ),
    "nk.name_example": ("Sud Contact DPO", "DPO Sud Contact", "مندوب حماية المعطيات Sud Contact"),
    "nk.folder": (
        "Folder to write the two files in",
        "Dossier où écrire les deux fichiers",
        "المجلد الذي يكتب فيه الملفان",
    ),
    "nk.making": (
        "Making the key (a few seconds)…",
        "Création de la clé (quelques secondes)…",
        "إنشاء المفتاح (بضع ثوان)…",
    ),
    "nk.keys": (
        "Enter: next box, then make the key · Escape: cancel",
        "Entrée : case suivante, puis créer la clé · Échap : annuler",
        "إدخال: الخانة التالية، ثم إنشاء المفتاح · Esc: إلغاء",
    ),
    "uk.title": ("Sign with which key?", "Signer avec quelle clé ?", "التوقيع بأي مفتاح؟"),
    "uk.path": (
        "Private key file (.key)",
        "Fichier de clé privée (.key)",
        "ملف المفتاح الخاص (.key)",
    ),
    "uk.passphrase": ("Its passphrase", "Sa phrase secrète", "عبارة مروره"),
    "uk.unlocking": ("Unlocking the key…", "Déverrouillage de la clé…", "فتح المفتاح…"),
    "uk.keys": (
        "Enter: next box, then unlock · Escape: cancel",
        "Entrée : case suivante, puis déverrouiller · Échap : annuler",
        "إدخال: الخانة التالية، ثم الفتح · Esc: إلغاء",
    ),
    "out.where": (
        "Written in {folder} unless you type another folder.",
        "Écrit dans {folder} sauf si vous tapez un autre dossier.",
        "تتم الكتابة في {folder} ما لم تكتبوا مجلدا آخر.",
    ),
}


@cache
def _french(key: str) -> str:
    return french(STRINGS[key][1])


def tr(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (French for ``fr``, typeset; Arabic for ``ar``; English
    otherwise), formatted."""
    if lang == "fr":
        text = _french(key)
    elif lang == "ar":
        text = STRINGS[key][2]
    else:
        text = STRINGS[key][0]
    return text.format(**values) if values else text


def next_language(lang: str) -> str:
    """The language F2 switches to after ``lang``: en → fr → ar → en."""
    position = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(position + 1) % len(LANGUAGES)]
