"""The coach's words, one table per language: templates, phrasings, labels, question bank.

Kept apart from the logic so wording can change (or a language be added) without touching
behaviour. Nothing here states a fact about careers; facts come from cited cards and
passages. Every key exists in every language: a Russian answer never borrows English.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "distress": (
            "I'm sorry you're carrying this. What you describe sounds heavy, and it matters "
            "more than any promotion. If you feel unsafe or in crisis, please contact local "
            "emergency services or a crisis line now. Otherwise, it may help to talk to someone "
            "you trust, your doctor, or your company's employee assistance programme if it has "
            "one. Career questions can wait until you have support and some rest.\n\n"
            "Would it help to talk about what could make the next week a little lighter?"
        ),
        "support_again": (
            "Thank you for telling me more. How you are doing comes first, and nothing about "
            "your job or the promotion needs deciding today."
        ),
        "support_question_1": "Who could you talk to about this in the next day or two?",
        "support_question_2": "What is one thing that would make this week a little easier?",
        "support_question_3": "Is there something you could take off your plate for now?",
        "support_later": "When you feel ready, we can look at the next steps for your career "
        "together.",
        "gentle": "We can look at that, and there's no rush: one small step is plenty for now.",
        "off_topic_again": (
            "That one's outside my lane too. If something about your work or growth is on your "
            "mind, I'm here for it.\n\nWhat would be most useful to think through?"
        ),
        "commitment_tip": "One thing that helps it count:",
        "override": (
            "I can't share or change how I'm set up, but I'm glad to keep coaching you on your "
            "career.\n\nWhat's on your mind about your growth right now?"
        ),
        "off_topic": (
            "That's outside what I can help with: I'm a career coach for engineers, so I stay "
            "with growth, promotion and the work around them.\n\nIs there something about your "
            "career you'd like to think through?"
        ),
        "greeting": (
            "Hi! I'm a career coach for engineers. I'll ask about your goals and situation, and "
            "bring in what my sources say, with citations.\n\nWhat would you like to think "
            "through: whether to go for a promotion, or where the opportunities on your team are?"
        ),
        "out_of_scope": (
            "My sources don't cover that (salary bands, a specific company's policies and similar "
            "details), so I won't guess. Your HR team, your company's published levels guide or "
            "your manager can give you the real answer."
        ),
        "reflection": "It sounds like {facts}.",
        "and": " and ",
        "list_sep": ", ",
        "you_are": "you're {level}",
        "you_are_at": "you're at {level}",
        "on_team": "you work on the {team} team",
        "aiming_for": "you'd like to become {level}",
        "aiming_for_code": "you'd like to reach {level}",
        "dealing_with": "you're dealing with {items}",
        "motivated_by": "what draws you is {items}",
        "track_management": "you're considering a move into management",
        "track_ic": "you want to stay on the individual-contributor track",
        "manager_aligned": "your manager supports you",
        "manager_misaligned": "your manager isn't on board yet",
        "manager_not_discussed": "promotion hasn't come up with your manager yet",
        "lead_goal_1": "One thing worth weighing:",
        "lead_goal_2": "Something to keep in mind:",
        "lead_reality_1": "Something that bears on your situation:",
        "lead_reality_2": "Worth keeping in mind as you look at where you are:",
        "lead_options_1": "Options the sources support:",
        "lead_options_2": "Directions worth considering:",
        "lead_will_1": "To keep the next step concrete:",
        "lead_will_2": "One thing that makes a next step stick:",
        "lead_out_of_scope_1": "What my sources do say that's close to your question:",
        "lead_out_of_scope_2": "What my sources do say that's close to your question:",
        "no_sources": (
            "I couldn't find anything in my sources that speaks to this directly, so I won't "
            "make something up."
        ),
        "bias_ack": (
            "Thank you for saying this; it deserves to be taken seriously, not explained away."
        ),
        "bias_next": (
            "Write down the specifics (the work, the feedback, the outcomes next to your peers') "
            "and bring them to someone who can look at it with you: a skip-level manager, HR, "
            "or a mentor you trust."
        ),
        "commitment_ack": "You've committed to {action}{due}. Put it in your calendar and "
        "mention it to your manager at your next one-on-one.",
        "commitment_ack_with": "You've committed to {action}{due}. Put it in your calendar.",
        "due": " by {date}",
        "no_promises": "No one can promise a promotion, me included; what you can control is "
        "the evidence and the conversation with your manager.",
        "next_step_1": "A next step: pick the point above that fits your team best and try it "
        "this week.",
        "next_step_2": "A next step: write down what you'll try and when you'll review it.",
        "rendered": "(rendered from the Russian)",
    },
    "ru": {
        "distress": (
            "Мне жаль, что вам сейчас так тяжело. То, что вы описываете, важнее любого "
            "повышения. Если вы чувствуете опасность или кризис, пожалуйста, сразу обратитесь в "
            "экстренные службы или на линию психологической помощи. Также может помочь разговор "
            "с близким человеком, врачом или программой поддержки сотрудников, если она есть в "
            "вашей компании. Карьерные вопросы подождут, пока у вас не появятся поддержка и "
            "отдых.\n\nХотите обсудить, что могло бы сделать ближайшую неделю чуть легче?"
        ),
        "support_again": (
            "Спасибо, что рассказали. Сейчас важнее всего, как вы себя чувствуете, и ничего "
            "про работу или повышение не нужно решать сегодня."
        ),
        "support_question_1": "С кем вы могли бы поговорить об этом в ближайшие день-два?",
        "support_question_2": "Что одно могло бы сделать эту неделю чуть легче?",
        "support_question_3": "Есть ли что-то, что можно пока снять с себя?",
        "support_later": "Когда будете готовы, мы вместе посмотрим на следующие шаги в карьере.",
        "gentle": "Давайте посмотрим, без спешки: сейчас достаточно одного небольшого шага.",
        "off_topic_again": (
            "Это тоже вне моей темы. Если вас волнует что-то в работе или развитии, я здесь."
            "\n\nЧто было бы полезнее всего обдумать?"
        ),
        "commitment_tip": "Что поможет, чтобы это засчиталось:",
        "override": (
            "Я не могу раскрывать или менять свои настройки, но с радостью продолжу помогать "
            "вам с карьерой.\n\nЧто сейчас больше всего волнует вас в вашем развитии?"
        ),
        "off_topic": (
            "Это вне моей темы: я карьерный коуч для инженеров и говорю о росте, повышении и "
            "работе вокруг них.\n\nЕсть ли что-то в вашей карьере, что вы хотели бы обдумать?"
        ),
        "greeting": (
            "Здравствуйте! Я карьерный коуч для инженеров. Я расспрошу о ваших целях и "
            "ситуации и приведу, что говорят мои источники, со ссылками.\n\nЧто вы хотели бы "
            "обдумать: стоит ли идти на повышение или где возможности в вашей команде?"
        ),
        "out_of_scope": (
            "Мои источники этого не описывают (зарплатные вилки, правила конкретной компании и "
            "подобное), поэтому гадать я не буду. Точный ответ дадут HR, описание уровней вашей "
            "компании или ваш руководитель."
        ),
        "reflection": "Я слышу, что {facts}.",
        "and": " и ",
        "list_sep": ", ",
        "you_are": "ваш уровень — {level}",
        "you_are_at": "ваш уровень — {level}",
        "on_team": "вы работаете в команде {team}",
        "aiming_for": "вы хотите стать {level}",
        "aiming_for_code": "ваша цель — {level}",
        "dealing_with": "вам мешает {items}",
        "motivated_by": "вас привлекает {items}",
        "track_management": "вы думаете о переходе в менеджмент",
        "track_ic": "вы хотите остаться на инженерном треке",
        "manager_aligned": "руководитель вас поддерживает",
        "manager_misaligned": "руководитель пока не на вашей стороне",
        "manager_not_discussed": "о повышении с руководителем пока речи не было",
        "lead_goal_1": "Стоит взвесить вот что:",
        "lead_goal_2": "Что стоит иметь в виду:",
        "lead_reality_1": "Что важно для вашей ситуации:",
        "lead_reality_2": "Что стоит учесть, глядя на то, где вы сейчас:",
        "lead_options_1": "Варианты, которые поддерживают источники:",
        "lead_options_2": "Направления, которые стоит рассмотреть:",
        "lead_will_1": "Чтобы следующий шаг был конкретным:",
        "lead_will_2": "Что помогает довести шаг до конца:",
        "lead_out_of_scope_1": "Вот что мои источники говорят близко к вашему вопросу:",
        "lead_out_of_scope_2": "Вот что мои источники говорят близко к вашему вопросу:",
        "no_sources": "В моих источниках нет ничего прямо об этом, поэтому выдумывать я не буду.",
        "bias_ack": "Спасибо, что сказали об этом; к такому нужно относиться всерьёз.",
        "bias_next": (
            "Запишите конкретику (задачи, обратную связь, результаты рядом с результатами "
            "коллег) и обсудите её с тем, кто может посмотреть вместе с вами: руководителем "
            "вашего руководителя, HR или ментором, которому вы доверяете."
        ),
        "commitment_ack": "Ваш шаг: «{action}»{due}. Внесите это в календарь и расскажите "
        "руководителю на ближайшей встрече один на один.",
        "commitment_ack_with": "Ваш шаг: «{action}»{due}. Внесите это в календарь.",
        "due": ", срок — {date}",
        "no_promises": "Никто не может гарантировать повышение, и я тоже; в ваших силах — "
        "доказательства и разговор с руководителем.",
        "next_step_1": "Следующий шаг: выберите из сказанного то, что больше подходит вашей "
        "команде, и попробуйте на этой неделе.",
        "next_step_2": "Следующий шаг: запишите, что попробуете и когда подведёте итог.",
        "rendered": "",
    },
}

#: Profile values said back in a sentence ("you're dealing with …").
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "heavy operational load": "a heavy operational load",
        "maintenance-only work": "a team that mostly maintains existing systems",
        "few visible opportunities": "few visible opportunities",
        "vague feedback": "feedback too vague to act on",
        "work feels too easy": "work that feels too easy",
        "passed over in a cycle": "being passed over for promotion",
        "possible bias": "the possibility of bias",
        "no time beyond current work": "no time beyond your current work",
        "compensation": "the money",
        "learning and growth": "learning and growth",
        "recognition": "recognition",
        "more interesting work": "more interesting work",
        "influence": "more influence",
        "impact": "more impact",
        "keeping pace with peers": "keeping pace with your peers",
    },
    "ru": {
        "heavy operational load": "большая операционная нагрузка",
        "maintenance-only work": "то, что команда в основном поддерживает существующие системы",
        "few visible opportunities": "нехватка заметных возможностей",
        "vague feedback": "слишком расплывчатая обратная связь",
        "work feels too easy": "слишком простая работа",
        "passed over in a cycle": "то, что вас не повысили",
        "possible bias": "возможная предвзятость",
        "no time beyond current work": "нехватка времени сверх текущей работы",
        "compensation": "деньги",
        "learning and growth": "обучение и рост",
        "recognition": "признание",
        "more interesting work": "более интересная работа",
        "influence": "влияние",
        "impact": "влияние на результат",
        "keeping pace with peers": "желание не отстать от коллег",
    },
}

#: Level names as said in a sentence; company codes (SDE-2, L5) are kept as written.
LEVEL_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "entry engineer": "an entry-level engineer",
        "engineer": "a mid-level engineer",
        "senior engineer": "a senior engineer",
        "staff engineer": "a staff engineer",
        "principal engineer": "a principal engineer",
        "engineering manager": "an engineering manager",
    },
    "en_target": {
        "entry engineer": "an entry-level engineer",
        "engineer": "a mid-level engineer",
        "senior engineer": "a senior engineer",
        "staff engineer": "a staff engineer",
        "principal engineer": "a principal engineer",
        "engineering manager": "an engineering manager",
    },
    "ru_target": {
        "entry engineer": "младшим инженером",
        "engineer": "инженером",
        "senior engineer": "старшим инженером",
        "staff engineer": "staff-инженером",
        "principal engineer": "principal-инженером",
        "engineering manager": "руководителем разработки",
    },
    "ru": {
        "entry engineer": "младший инженер",
        "engineer": "инженер",
        "senior engineer": "старший инженер",
        "staff engineer": "staff-инженер",
        "principal engineer": "principal-инженер",
        "engineering manager": "руководитель разработки",
    },
}


def label(value: str, lang: str) -> str:
    """A profile value in the answer's language."""
    return PHRASES.get(lang, PHRASES["en"]).get(value, value)


#: Questions by GROW stage. Each is (slot, variants): the slot is the profile field it
#: asks about (skipped once known) or a topic name; variants keep the wording fresh.
QUESTIONS: dict[str, dict[str, list[tuple[str, list[str]]]]] = {
    "en": {
        "goal": [
            ("motivations", [
                "What draws you to a promotion right now: the money, the scope, the "
                "recognition, or something else?",
                "What would a promotion give you that you don't have today?",
            ]),
            ("target_level", [
                "Which level are you aiming for, and what do you picture doing differently "
                "there?",
            ]),
            ("why", [
                "Is it the promotion itself you want, or what you hope it brings?",
                "If you imagine a good week a year after the promotion, what does it look like?",
            ]),
        ],
        "reality": [
            ("current_level", ["What's your current level, and what does your team mostly "
                               "work on?"]),
            ("blockers", ["Where does most of your time go today: new features, operations, "
                          "or something else?"]),
            ("manager_alignment", [
                "Have you told your manager you want this, and what did they say?",
            ]),
            ("gap", ["What would someone at the next level do differently on your team today?"]),
        ],
        "options": [
            ("pick", ["Which of these feels most within reach on your team?",
                      "Which of these could you start on without asking anyone's permission?"]),
            ("visible", ["Who would need to see that work for it to count?"]),
        ],
        "will": [
            ("commitments", ["What is one step you could take in the next two weeks, and by "
                             "what date?"]),
            ("obstacle", ["What might get in the way, and how will you handle it?"]),
            ("check_in", ["When will you next check in with your manager about it?"]),
        ],
    },
    "ru": {
        "goal": [
            ("motivations", [
                "Что вас привлекает в повышении сейчас: деньги, масштаб задач, признание или "
                "что-то ещё?",
                "Что повышение дало бы вам такого, чего нет сейчас?",
            ]),
            ("target_level", ["На какой уровень вы целитесь и что, по-вашему, будете делать "
                              "иначе?"]),
            ("why", ["Вам нужно само повышение или то, что вы надеетесь с ним получить?"]),
        ],
        "reality": [
            ("current_level", ["Какой у вас сейчас уровень и чем в основном занимается ваша "
                               "команда?"]),
            ("blockers", ["На что уходит большая часть вашего времени: новые функции, "
                          "поддержка или что-то ещё?"]),
            ("manager_alignment", ["Вы говорили об этом с руководителем? Что он ответил?"]),
            ("gap", ["Что сделал бы на вашем месте инженер следующего уровня?"]),
        ],
        "options": [
            ("pick", ["Что из этого кажется вам самым реальным в вашей команде?"]),
            ("visible", ["Кто должен увидеть эту работу, чтобы она засчиталась?"]),
        ],
        "will": [
            ("commitments", ["Какой один шаг вы можете сделать в ближайшие две недели и к "
                             "какой дате?"]),
            ("obstacle", ["Что может помешать и как вы с этим справитесь?"]),
            ("check_in", ["Когда вы в следующий раз обсудите это с руководителем?"]),
        ],
    },
}  # fmt: skip
