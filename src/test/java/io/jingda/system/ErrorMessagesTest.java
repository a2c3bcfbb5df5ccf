package io.jingda.system;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.jingda.TestAuth.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed bodies get a 400 that says what is wrong in the user's terms, never a Java or library class name. */
@QuarkusTest
class ErrorMessagesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\0', textBlock = """
            /api/contests      | []                                  | body        | must be an object ({...}), not a list (line 1, column 1)
            /api/contests      | {"questionIds":"abc"}               | questionIds | must be a list, not text (line 1, column 16)
            /api/contests      | {"timeLimit":"abc"}                 | timeLimit   | must be a whole number, not "abc"
            /api/contests      | {"scoring":"fast"}                  | scoring     | must be an object ({...}), not text
            /api/contests      | {"draw":{"count":"many"}}           | draw.count  | must be a whole number, not "many"
            /api/contests      | {"title":"x","nope":1}              | nope        | is not a known field (line 1, column 23) (the fields here are: antiCheat, attemptScore, attemptsAllowed, autoAdvance, baseScore, closesAt, confirmRelated, draw, identity, joinsPerMinute, leaderboardSize, maxParticipants, mode, multipliers, opensAt, publicRanking, questionIds, questionsPerAttempt, round, rounds, scoring, showAnswers, shuffleOptions, teamPick, teamScoring, teamSize, teams, timeLimit, timeLimitTotal, title, units)
            /api/contests      | {"title":                           | body        | is not valid JSON: it ends too early
            /api/contests      | {"timeLimit":99999999999999}        | timeLimit   | is a number out of range
            /api/questions     | {"options":{"a":1}}                 | options     | must be a list, not an object
            /api/questions     | {"tags":[1,[2]]}                    | tags[1]     | must be text, not a list
            /api/questions     | {"difficulty":true}                 | difficulty  | must be a whole number, not true or false
            /api/question-sets | "text"                              | body        | must be an object ({...}), not text
            /api/question-sets | {'id':1}                            | body        | is not valid JSON (line 1, column 2): Unexpected character
            /api/question-sets | {"id":"t-trailing","title":"x"}}    | body        | is not valid JSON (line 1, column 32): Unexpected close marker
            /api/join          | [1,2]                               | body        | must be an object ({...}), not a list
            /api/join          | {"code":{}}                         | code        | must be text, not an object
            """)
    void malformedJsonIsA400NamingTheFieldInTheUsersTerms(String path, String body, String field, String fragment) {
        Response r = admin().body(body).post(path);
        String text = r.asString();
        assertEquals(400, r.statusCode(), text);
        assertEquals("INVALID_JSON", r.path("code"), text);
        assertEquals(field, r.path("errors[0].field"), text);
        assertTrue(r.<String>path("errors[0].message").startsWith(fragment), text);
        assertTrue(r.<String>path("message").contains(fragment), text);
        for (String leak : new String[] {"io.jingda", "java.", "com.fasterxml", "jakarta.", "org.", "Exception", "`",
                "JsonToken", "Source:"}) {
            assertFalse(text.contains(leak), "'" + leak + "' in " + text);
        }
    }
}
