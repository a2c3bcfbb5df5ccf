package io.jingda.question.load;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BankFileRepository implements PanacheRepositoryBase<BankFile, String> {
}
