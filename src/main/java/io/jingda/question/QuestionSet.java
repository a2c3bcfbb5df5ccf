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
import java.util.Map;

@Entity
@Table(name = "question_set")
public class QuestionSet {
    @Id
    public String id;
    public String title;
    public String description;
    public String language;
    @Convert(converter = StringListConverter.class)
    public List<String> tags = List.of();
    /** Report file name to the report's title (see {@link QuestionSetDto#reports()}). */
    @Column(name = "report_titles")
    @Convert(converter = StringMapConverter.class)
    public Map<String, String> reports = Map.of();
    @Enumerated(EnumType.STRING)
    public Origin origin;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
