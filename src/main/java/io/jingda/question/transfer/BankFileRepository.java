package io.jingda.question.transfer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BankFileRepository implements PanacheRepositoryBase<BankFile, String> {
}
