package io.jingda.contest;

import io.jingda.question.QuestionType;
import io.jingda.question.QuestionTypeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * A question as the contest uses it: a copy taken from the bank, so later bank edits never
 * change a contest. Options carry opaque ids ({@code [{id,text}]} as JSON) in an order shuffled
 * at copy time; {@code answer} holds the correct option ids (for ordering: all of them, in the right order),
 * the accepted texts, the number, or JSON null (poll).
 */
@Entity
@Table(name = "contest_question")
@IdClass(ContestQuestion.Key.class)
public class ContestQuestion {
    @Id
    @Column(name = "contest_id")
    public Long contestId;
    @Id
    public Integer idx;
    @Column(name = "public_id")
    public String publicId;
    @Column(name = "bank_id")
    public String bankId;
    @Convert(converter = QuestionTypeConverter.class)
    public QuestionType type;
    public String stem;
    public String options;
    public String answer;
    public Double tolerance;
    public String explanation;
    @Column(name = "source_report")
    public String sourceReport;
    @Column(name = "source_excerpt")
    public String sourceExcerpt;
    @Column(name = "source_url")
    public String sourceUrl;
    /** The report's title, from the question's set when the contest was created (null if the set has none). */
    @Column(name = "source_title")
    public String sourceTitle;
    /** The question's picture (a /media/ URL) when the contest was created; option pictures are inside {@link #options}. */
    public String image;
    @Column(name = "time_limit")
    public int timeLimit;
    public int points;
    /** What {@link #points} are multiplied by when scored (0 = practice); see {@code scoring.Multiplier}. */
    public double multiplier = 1;

    public static class Key implements Serializable {
        public Long contestId;
        public Integer idx;

        public Key() {
        }

        public Key(Long contestId, Integer idx) {
            this.contestId = contestId;
            this.idx = idx;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(contestId, k.contestId) && java.util.Objects.equals(idx, k.idx);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(contestId, idx);
        }
    }
}
