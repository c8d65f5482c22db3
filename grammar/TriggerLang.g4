// TriggerLang: the grammar of .trig files (LANGUAGE.md §1–§6 and §10).
//
// The C# lexer and parser in compiler/Parsing/Generated are generated from this
// file by grammar/generate.sh and committed, so that building needs no Java.
// CI regenerates them and fails on any difference.
//
// Design notes for the next engineer:
// * Whitespace and newlines are not significant; comments go to the hidden
//   channel so that the formatter can put them back.
// * Most keywords are "soft": they are also valid names (a field called
//   `category`, the function `max`, the message_sent field `rule`). Only the
//   expression operators and literals, `send` and `else` are reserved.
// * Lexical checks that users deserve a precise message for (a duration with
//   a bad unit, an invalid escape, a time like 25:00, an unterminated string)
//   are deliberately loose here and validated when the syntax tree is built.
grammar TriggerLang;

// ───────────────────────────── Files ─────────────────────────────

compilationUnit
    : topLevelItem* EOF
    ;

topLevelItem
    : eventDecl
    | userDecl
    | settingsDecl
    | limitsDecl
    | ruleDecl
    | testDecl
    ;

// ───────────────────────────── Declarations ─────────────────────────────

eventDecl
    : EVENT name=identifier LBRACE fieldDecl* RBRACE
    ;

userDecl
    : USER LBRACE fieldDecl* RBRACE
    ;

fieldDecl
    : name=memberName COLON typeRef COMMA?
    ;

typeRef
    : name=typeName (LT typeRef GT)? QUESTION?
    ;

typeName
    : identifier
    | USER
    ;

settingsDecl
    : SETTINGS LBRACE setting* RBRACE
    ;

setting
    : name=identifier COLON? value=literal COMMA?
    ;

limitsDecl
    : LIMITS LBRACE limitCap* RBRACE
    ;

limitCap
    : CAP channel=identifier? count=INT SLASH capPeriod COMMA?
    ;

// ───────────────────────────── Rules ─────────────────────────────

ruleDecl
    : (RULE name=identifier title=STRING?)? onClause ruleClause* sendClause
    ;

onClause
    : ON event=identifier (AS alias=identifier)?
    ;

ruleClause
    : whereClause
    | toClause
    | delayClause
    | unlessClause
    | windowClause
    | capClause
    | activeClause
    | reeligibleClause
    | onceClause
    | categoryClause
    | priorityClause
    | digestClause
    | goalClause
    ;

whereClause      : WHERE expression ;
toClause         : TO expression ;
delayClause      : DELAY (DURATION | UNTIL TIME zone?) ;
unlessClause     : UNLESS event=identifier (AS alias=identifier)? (WHERE expression)? (WITHIN DURATION)? ;
windowClause     : WINDOW start=TIME MINUS end=TIME zone? weekdays? (ELSE DROP)? ;
capClause        : CAP count=INT SLASH capPeriod ;
activeClause     : ACTIVE from=dateTime? DOTDOT until=dateTime? ;
reeligibleClause : REELIGIBLE AFTER DURATION ;
onceClause       : ONCE ;
categoryClause   : CATEGORY name=identifier ;
priorityClause   : PRIORITY level=identifier ;
digestClause     : DIGEST frequency=identifier (ON day=identifier)? AT TIME zone? (MAX max=INT)? ;
goalClause       : GOAL event=identifier (AS alias=identifier)? (WHERE expression)? (WITHIN DURATION)? ;

capPeriod
    : identifier
    | DURATION
    ;

zone
    : LOCAL
    | UTC
    | STRING
    ;

weekdays
    : weekdayRange (COMMA weekdayRange)*
    ;

weekdayRange
    : first=weekdayName (MINUS last=weekdayName)?
    ;

// Weekday names (mon … sun) are plain names, never soft keywords: otherwise
// `window 09:00-21:00 once` would read `once` as a day rather than a clause.
weekdayName
    : IDENT
    ;

dateTime
    : DATETIME
    ;

sendClause
    : SEND channel=identifier sendContent (ELSE fallback=sendClause)?
    ;

sendContent
    : templateValue
    | LBRACE sendField* RBRACE
    ;

sendField
    : name=memberName COLON templateValue COMMA?
    ;

templateValue
    : STRING
    | TEMPLATE STRING
    ;

// ───────────────────────────── Expressions ─────────────────────────────
// Alternatives are listed tightest first; ANTLR turns the left recursion
// into precedence climbing (LANGUAGE.md §4: or, and, not, comparisons, + -,
// * / %, unary -).

expression
    : LPAREN expression RPAREN                                          # parenExpr
    | literal                                                           # literalExpr
    | LBRACK (expression (COMMA expression)* COMMA?)? RBRACK            # listExpr
    | callee=identifier LPAREN (expression (COMMA expression)*)? RPAREN # callExpr
    | exprName                                                          # nameExpr
    | expression DOT memberName                                         # memberExpr
    | MINUS expression                                                  # negateExpr
    | expression op=(STAR | SLASH | PERCENT) expression                 # binaryExpr
    | expression op=(PLUS | MINUS) expression                           # binaryExpr
    | expression op=(EQ | NEQ | LT | LTE | GT | GTE | IN) expression    # binaryExpr
    | NOT expression                                                    # notExpr
    | expression op=AND expression                                      # binaryExpr
    | expression op=OR expression                                       # binaryExpr
    ;

literal
    : INT
    | DECIMAL
    | STRING
    | TRUE
    | FALSE
    | NULL
    | DURATION
    ;

// ───────────────────────────── Tests (§10) ─────────────────────────────

testDecl
    : TEST name=STRING LBRACE testStatement* RBRACE
    ;

testStatement
    : (AT at=dateTime)? USER id=identifier objectLiteral?                  # testUser
    | (AT at=dateTime)? EVENT name=identifier FOR id=identifier objectLiteral? # testEvent
    | (AT at=dateTime)? follower=identifier FOLLOWS followee=identifier    # testFollow
    | EXPECT testExpectation                                               # testExpect
    ;

// `expect RULE sent to U [at T] [via C] [with { field: "text" }]`,
// `expect RULE suppressed REASON to U [at T]`, `expect no RULE to U`.
// `no` is also a name, so `expect no R to U` matches both alternatives; ANTLR
// picks the first, which must therefore be the `no` form. An `at T` after an
// expectation is the expected time unless a statement body follows it
// (`at T event …`, `at T user …`, `at T a follows b`): then it starts the next
// statement (see TriggerLangParser.Predicates.cs).
testExpectation
    : NO rule=identifier TO id=identifier
    | rule=identifier status=identifier reason=identifier? TO id=identifier
      ({!TimeStartsStatement()}? AT at=dateTime)? (VIA channel=identifier)? (WITH objectLiteral)?
    ;

objectLiteral
    : LBRACE (property (COMMA? property)* COMMA?)? RBRACE
    ;

property
    : name=memberName COLON (expression | objectLiteral)
    ;

// ───────────────────────────── Names ─────────────────────────────

// A name in a declaration or clause: any identifier or soft keyword.
identifier
    : IDENT
    | AS | WHERE | TO | DELAY | UNTIL | LOCAL | UTC | UNLESS | WITHIN | WINDOW
    | DROP | CAP | ACTIVE | REELIGIBLE | AFTER | ONCE | CATEGORY | PRIORITY
    | DIGEST | AT | MAX | GOAL | TEMPLATE | EXPECT | FOR | FOLLOWS | VIA
    | WITH | NO
    ;

// A name inside an expression may also be one of the roots `user`, `event`
// or the message_sent field `rule`.
exprName
    : identifier
    | USER
    | EVENT
    | RULE
    ;

// A field name (declaration, member access, send field, test property).
memberName
    : identifier
    | USER | EVENT | RULE | ON | TEST | SETTINGS | LIMITS
    ;

// ───────────────────────────── Lexer ─────────────────────────────

// Top-level keywords.
EVENT      : 'event' ;
USER       : 'user' ;
SETTINGS   : 'settings' ;
LIMITS     : 'limits' ;
RULE       : 'rule' ;
ON         : 'on' ;
TEST       : 'test' ;

// Reserved: operators, literals and the send chain.
AND        : 'and' ;
OR         : 'or' ;
NOT        : 'not' ;
IN         : 'in' ;
TRUE       : 'true' ;
FALSE      : 'false' ;
NULL       : 'null' ;
SEND       : 'send' ;
ELSE       : 'else' ;

// Soft keywords (also valid as names).
AS         : 'as' ;
WHERE      : 'where' ;
TO         : 'to' ;
DELAY      : 'delay' ;
UNTIL      : 'until' ;
LOCAL      : 'local' ;
UTC        : 'utc' ;
UNLESS     : 'unless' ;
WITHIN     : 'within' ;
WINDOW     : 'window' ;
DROP       : 'drop' ;
CAP        : 'cap' ;
ACTIVE     : 'active' ;
REELIGIBLE : 'reeligible' ;
AFTER      : 'after' ;
ONCE       : 'once' ;
CATEGORY   : 'category' ;
PRIORITY   : 'priority' ;
DIGEST     : 'digest' ;
AT         : 'at' ;
MAX        : 'max' ;
GOAL       : 'goal' ;
TEMPLATE   : 'template' ;
EXPECT     : 'expect' ;
FOR        : 'for' ;
FOLLOWS    : 'follows' ;
VIA        : 'via' ;
WITH       : 'with' ;
NO         : 'no' ;

// Literals. DATETIME, TIME and DURATION are validated when the tree is built.
DATETIME   : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT
             ( 'T' DIGIT DIGIT ':' DIGIT DIGIT ( ':' DIGIT DIGIT ( '.' DIGIT+ )? )?
               ( 'Z' | [+-] DIGIT DIGIT ':' DIGIT DIGIT )? )? ;
TIME       : DIGIT DIGIT? ':' DIGIT DIGIT ;
DURATION   : DIGIT+ [a-zA-Z_] [a-zA-Z0-9_]* ;
DECIMAL    : DIGIT+ '.' DIGIT+ ;
INT        : DIGIT+ ;
STRING     : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
// A string with no closing quote on its line: still a STRING token, so that
// the parser goes on; the tree builder reports it.
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '\\'? -> type(STRING) ;

IDENT      : [a-zA-Z_] [a-zA-Z0-9_]* ;

// Punctuation.
LBRACE     : '{' ;
RBRACE     : '}' ;
LPAREN     : '(' ;
RPAREN     : ')' ;
LBRACK     : '[' ;
RBRACK     : ']' ;
COLON      : ':' ;
COMMA      : ',' ;
DOTDOT     : '..' ;
DOT        : '.' ;
QUESTION   : '?' ;
SLASH      : '/' ;
STAR       : '*' ;
PERCENT    : '%' ;
PLUS       : '+' ;
MINUS      : '-' ;
EQ         : '==' ;
NEQ        : '!=' ;
LTE        : '<=' ;
GTE        : '>=' ;
LT         : '<' ;
GT         : '>' ;

// Trivia.
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// A comment with no `*/` before the end of the file. It must not be able to
// run past a `*/`: the lexer takes the longest match, and `'/*' .*? EOF` would
// swallow every closed comment and the rest of the file after it.
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF -> channel(HIDDEN) ;
WS            : [ \t\r\n\f\uFEFF]+ -> skip ;

// Anything else is reported by the tree builder, once per run of characters.
BAD_CHARACTER : . -> channel(HIDDEN) ;

fragment DIGIT : [0-9] ;
