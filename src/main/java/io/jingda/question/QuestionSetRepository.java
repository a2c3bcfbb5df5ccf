package io.jingda.question;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class QuestionSetRepository implements PanacheRepositoryBase<QuestionSet, String> {
}
