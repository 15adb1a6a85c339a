"""The offline responder's words, in English and Russian: templates and question banks.

Kept apart from the logic so wording can change without touching behaviour. Nothing
here states a fact about careers; facts come only from cited passages.
"""

from __future__ import annotations

from collections.abc import Callable

from coach.profile import Profile

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
        "and": ", and ",
        "you_are": "you're at {level}",
        "on_team": "you work on the {team} team",
        "aiming_for": "you're aiming for {level}",
        "dealing_with": "you're dealing with {items}",
        "motivated_by": "what draws you is {items}",
        "lead_goal": "Before deciding anything, one of my sources offers a useful lens:",
        "lead_reality": "Here is what my sources say that may bear on your situation:",
        "lead_options": "A few directions my sources support:",
        "lead_will": "To keep the next step grounded:",
        "lead_direct": "Here's my advice, straight from the sources:",
        "lead_out_of_scope": "What my sources do say that's close to your question:",
        "no_sources": (
            "I couldn't find anything in my sources that speaks to this directly, so I won't "
            "make something up."
        ),
        "commitment_ack": "You've committed to: {action}{due}. Write it down and share it with "
        "your manager in your next one-on-one.",
        "no_promises": "None of this makes a promotion certain; it gives you evidence and a "
        "clearer conversation with your manager.",
        "next_step": "A next step: pick one thing from above and try it this week.",
        "quote_open": "“",
        "quote_close": "”",
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
        "reflection": "Правильно ли я понимаю: {facts}.",
        "and": "; ",
        "you_are": "ваш уровень — {level}",
        "on_team": "команда {team}",
        "aiming_for": "цель — {level}",
        "dealing_with": "вам мешает {items}",
        "motivated_by": "вас привлекает {items}",
        "lead_goal": "Прежде чем решать, вот полезный взгляд из моих источников:",
        "lead_reality": "Вот что говорят мои источники о похожей ситуации:",
        "lead_options": "Несколько направлений, которые поддерживают мои источники:",
        "lead_will": "Чтобы следующий шаг был обоснованным:",
        "lead_direct": "Мой совет, прямо по источникам:",
        "lead_out_of_scope": "Вот что мои источники говорят близко к вашему вопросу:",
        "no_sources": "В моих источниках нет ничего прямо об этом, поэтому выдумывать я не буду.",
        "commitment_ack": "Вы решили: {action}{due}. Запишите это и обсудите с руководителем "
        "на ближайшей встрече один на один.",
        "no_promises": "Ничто из этого не делает повышение гарантированным исходом; это даёт "
        "вам доказательства и более ясный разговор с руководителем.",
        "next_step": "Следующий шаг: выберите одно из перечисленного и попробуйте на этой неделе.",
        "quote_open": "«",
        "quote_close": "»",
        "rendered": "",
    },
}

LABELS_RU = {
    "heavy operational load": "большая операционная нагрузка",
    "maintenance-only work": "только поддержка системы",
    "few visible opportunities": "мало заметных возможностей",
    "vague feedback": "расплывчатая обратная связь",
    "work feels too easy": "слишком простая работа",
    "passed over in a cycle": "не повысили в прошлом цикле",
    "possible bias": "возможная предвзятость",
    "no time beyond current work": "нет времени сверх текущей работы",
    "compensation": "деньги",
    "learning and growth": "обучение и рост",
    "recognition": "признание",
    "more interesting work": "более интересная работа",
    "influence": "влияние",
    "impact": "влияние на результат",
    "keeping pace with peers": "не отстать от коллег",
}


def label(value: str, lang: str) -> str:
    return LABELS_RU.get(value, value) if lang == "ru" else value


Condition = Callable[[Profile], bool]


def always(_: Profile) -> bool:
    return True


def _ops(p: Profile) -> bool:
    return bool({"heavy operational load", "maintenance-only work"} & set(p.blockers))


QUESTIONS: dict[str, dict[str, list[tuple[Condition, str]]]] = {
    "en": {
        "goal": [
            (
                lambda p: not p.motivations,
                "What draws you to a promotion right now: the money, "
                "the scope, the recognition, or something else?",
            ),
            (
                lambda p: not p.target_level,
                "What level are you aiming for, and what do you picture "
                "doing differently once you're there?",
            ),
            (always, "Is it the promotion itself you want, or what you hope it brings?"),
            (
                always,
                "If you imagine yourself a year after the promotion, what does a good week "
                "look like?",
            ),
        ],
        "reality": [
            (
                lambda p: not p.current_level,
                "What's your current level, and what does your team mostly work on?",
            ),
            (
                lambda p: not p.blockers,
                "Where does most of your time go today: new features, "
                "operations, or something else?",
            ),
            (
                lambda p: p.manager_alignment == "unknown",
                "Have you talked with your manager about this, and what did they say?",
            ),
            (
                _ops,
                "Which problem keeps coming back most often, and does anyone own fixing it for "
                "good?",
            ),
            (always, "What would someone at the next level do differently on your team today?"),
        ],
        "options": [
            (_ops, "Which recurring problem could you take on and measure, starting this month?"),
            (always, "Which of these feels most within reach on your team?"),
            (
                lambda p: p.manager_alignment != "aligned",
                "How could you get your manager to see this work as next-level work?",
            ),
            (always, "Who would need to see that work for it to count?"),
        ],
        "will": [
            (
                lambda p: not p.commitments,
                "What is one step you could take in the next two weeks, and by what date?",
            ),
            (
                lambda p: bool(p.commitments),
                "What might get in the way, and how will you handle it?",
            ),
            (always, "When will you next check in with your manager about it?"),
        ],
    },
    "ru": {
        "goal": [
            (
                lambda p: not p.motivations,
                "Что вас привлекает в повышении сейчас: деньги, масштаб "
                "задач, признание или что-то ещё?",
            ),
            (
                lambda p: not p.target_level,
                "На какой уровень вы целитесь и что, по-вашему, будете делать иначе?",
            ),
            (always, "Вам нужно само повышение или то, что вы надеетесь с ним получить?"),
        ],
        "reality": [
            (
                lambda p: not p.current_level,
                "Какой у вас сейчас уровень и чем в основном занимается ваша команда?",
            ),
            (
                lambda p: not p.blockers,
                "На что уходит большая часть вашего времени: новые функции, "
                "поддержка или что-то ещё?",
            ),
            (
                lambda p: p.manager_alignment == "unknown",
                "Вы говорили об этом с руководителем? Что он ответил?",
            ),
            (always, "Что сделал бы на вашем месте инженер следующего уровня?"),
        ],
        "options": [
            (
                _ops,
                "Какую повторяющуюся проблему вы могли бы взять на себя и измерить уже в этом "
                "месяце?",
            ),
            (always, "Что из этого кажется вам самым реальным в вашей команде?"),
            (always, "Кто должен увидеть эту работу, чтобы она засчиталась?"),
        ],
        "will": [
            (
                lambda p: not p.commitments,
                "Какой один шаг вы можете сделать в ближайшие две недели и к какой дате?",
            ),
            (lambda p: bool(p.commitments), "Что может помешать и как вы с этим справитесь?"),
            (always, "Когда вы в следующий раз обсудите это с руководителем?"),
        ],
    },
}
