package io.jingda.question;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A question of the bank. The answer is kept as JSON text whose shape depends on the type
 * (see {@link io.jingda.question.Answer}); it never leaves the server through participant channels.
 */
@Entity
@Table(name = "question")
public class Question {
    @Id
    public String id;
    @Column(name = "set_id")
    public String setId;
    public int ord;
    @Convert(converter = QuestionTypeConverter.class)
    public QuestionType type;
    public String stem;
    @Convert(converter = StringListConverter.class)
    public List<String> options;
    /** Read-only view of the options column, for substring search. */
    @Column(name = "options", insertable = false, updatable = false)
    String optionsJson;
    /** The question's picture, a {@code /media/} URL of ours (see {@link io.jingda.media.MediaUrls}), or null. */
    public String image;
    /** Pictures of the options, parallel to {@link #options} (null entries for none); null when no option has one. */
    @Convert(converter = OptionImagesConverter.class)
    @Column(name = "option_images")
    public List<String> optionImages;
    /** JSON: a string (single), array of strings (multiple, text, ordering: the right order), boolean (true_false), number (numeric) or null (poll). */
    public String answer;
    public Double tolerance;
    public String explanation;
    @Column(name = "source_report")
    public String sourceReport;
    @Column(name = "source_excerpt")
    public String sourceExcerpt;
    @Column(name = "source_url")
    public String sourceUrl;
    @Convert(converter = StringListConverter.class)
    public List<String> tags = List.of();
    /** Read-only view of the tags column, for tag search. */
    @Column(name = "tags", insertable = false, updatable = false)
    String tagsJson;
    /**
     * Ids of questions that must not be in the same contest as this one (one side of each pair is
     * enough; see {@link RelatedQuestions}). Null when the column is empty.
     */
    @Convert(converter = StringListConverter.class)
    public List<String> related = List.of();
    public int difficulty;
    @Column(name = "time_limit")
    public int timeLimit;
    public int points;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** {@link #related}, never null. */
    public List<String> relatedIds() {
        return related == null ? List.of() : related;
    }
}
